import * as tf from '../../tf/tfjs.ts';
import type { RunConfig } from '../../config/schema.ts';
import { dataShapeFor } from '../../data/hostData.ts';
import { BUILDERS } from '../../models/registry.ts';
import { PORTABLE_CLASS } from '../../models/architecture.ts';
import {
  allFinite,
  bytesPer,
  checkFileSizes,
  checkSpec,
  IMPORT_LIMITS,
  ModelFileError,
  parseModelJson,
} from './importChecks.ts';
import type { NamedBytes, SavedModelMeta, WeightSnapshot } from '../messages.ts';

// The trained networks as tfjs layers-format artifacts (model.json + weights): captured from a
// model, checked, and written back into a freshly built model of the same setup. Checkpoints
// (IndexedDB) and the download/upload of files share them.

/** Our metadata rides in model.json's userDefinedMetadata under this key. */
const META_KEY = 'playground';

/** One network's artifacts, with our metadata attached. */
export async function captureNetwork(
  net: tf.LayersModel,
  meta: SavedModelMeta,
): Promise<tf.io.ModelArtifacts> {
  let captured: tf.io.ModelArtifacts | null = null;
  await net.save(
    tf.io.withSaveHandler(async (artifacts) => {
      captured = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const artifacts = captured as unknown as tf.io.ModelArtifacts;
  return {
    ...artifacts,
    modelTopology: portableTopology(artifacts.modelTopology),
    userDefinedMetadata: { [META_KEY]: { ...meta, role: net.name } },
  };
}

function portableTopology(topology: tf.io.ModelArtifacts['modelTopology']) {
  const copy = JSON.parse(JSON.stringify(topology)) as {
    config?: { layers?: { class_name: string }[] };
  };
  for (const layer of copy.config?.layers ?? []) {
    layer.class_name = PORTABLE_CLASS[layer.class_name] ?? layer.class_name;
  }
  return copy as tf.io.ModelArtifacts['modelTopology'];
}

type Meta = SavedModelMeta & { role: string };

/** The roles of this page's networks. */
const ROLES = ['encoder', 'decoder', 'generator', 'discriminator'];

/** What is wrong with our metadata block, or null when it is sound. */
function metaProblem(m: Record<string, unknown>): string | null {
  const { id, hash, step, savedAt, roles, role } = m;
  if (typeof id !== 'string' || id.length > IMPORT_LIMITS.nameLength) return 'it has no save id';
  if (typeof hash !== 'string' || hash.length > IMPORT_LIMITS.linkLength) {
    return 'it has no saved link';
  }
  if (!Number.isSafeInteger(step) || (step as number) < 0) {
    return `its saved step is not a whole number from 0 to ${Number.MAX_SAFE_INTEGER}`;
  }
  if (typeof savedAt !== 'number' || !Number.isFinite(savedAt)) return 'it has no save time';
  const known = (r: unknown) => typeof r === 'string' && ROLES.includes(r);
  if (!known(role)) return `its network is none of ${ROLES.join(', ')}`;
  if (!Array.isArray(roles) || roles.length > ROLES.length || !roles.every(known)) {
    return `its list of networks names others than ${ROLES.join(', ')}`;
  }
  return null;
}

function metaBlock(artifacts: tf.io.ModelArtifacts): Record<string, unknown> | null {
  const m = (artifacts.userDefinedMetadata as Record<string, unknown> | undefined)?.[META_KEY];
  return m && typeof m === 'object' && !Array.isArray(m) ? (m as Record<string, unknown>) : null;
}

const pick = ({ id, hash, step, savedAt, roles, role }: Record<string, unknown>) =>
  ({ id, hash, step, savedAt, roles: [...(roles as string[])], role }) as Meta;

/** Our metadata in a network's artifacts, or null when the file did not come from this page. */
export function metaOf(artifacts: tf.io.ModelArtifacts): Meta | null {
  const m = metaBlock(artifacts);
  return m && !metaProblem(m) ? pick(m) : null;
}

/**
 * Our metadata, checked: null when the file has none (a model from elsewhere), and an error
 * naming the file when it has a block that is not sound (a step of 1e300, an unknown role…).
 */
export function checkedMeta(artifacts: tf.io.ModelArtifacts): Meta | null {
  const m = metaBlock(artifacts);
  if (!m) return null;
  const problem = metaProblem(m);
  if (problem) throw new ModelFileError(`${sourceOf(artifacts, 'the file')}: ${problem}`);
  return pick(m);
}

/** Where artifacts came from (a file's name), for messages. */
const SOURCES = new WeakMap<tf.io.ModelArtifacts, string>();

/** Names the source of artifacts in the messages about them (a file, a checkpoint). */
export function labelSource<T extends tf.io.ModelArtifacts>(artifacts: T, source: string): T {
  SOURCES.set(artifacts, source);
  return artifacts;
}

const sourceOf = (artifacts: tf.io.ModelArtifacts, fallback: string) =>
  SOURCES.get(artifacts) ?? fallback;

/** The network's name in its topology (`encoder`, `decoder`, `generator`, `discriminator`). */
export function roleOf(artifacts: tf.io.ModelArtifacts): string | null {
  const meta = metaOf(artifacts);
  if (meta) return meta.role;
  const name = (artifacts.modelTopology as { config?: { name?: unknown } } | undefined)?.config
    ?.name;
  return typeof name === 'string' ? name : null;
}

/**
 * Writes the saved weights into `net`, in order, after checking that every one fits: its name,
 * dtype, shape, bytes, and every value finite. Throws an error that names the file (or the
 * saved network) and the weight, and changes nothing then.
 */
export function loadWeightsInto(net: tf.LayersModel, artifacts: tf.io.ModelArtifacts): void {
  const source = sourceOf(artifacts, `the saved ${net.name}`);
  const specs = artifacts.weightSpecs;
  if (!specs || !artifacts.weightData) throw new ModelFileError(`${source} has no weights`);
  const want = net.weights;
  if (specs.length !== want.length) {
    throw new ModelFileError(
      `${source} has ${specs.length} weight arrays; this setup's ${net.name} has ${want.length}`,
    );
  }
  specs.forEach((raw, i) => {
    const spec = checkSpec(raw, source, i);
    const where = `${source}: weight ${i + 1} (${spec.name})`;
    if (spec.name !== want[i]!.originalName) {
      throw new ModelFileError(`${where} is not this setup's ${want[i]!.originalName}`);
    }
    if (spec.dtype !== 'float32') throw new ModelFileError(`${where} is not float32`);
    const shape = want[i]!.shape;
    if (spec.shape.length !== shape.length || spec.shape.some((d, j) => d !== shape[j])) {
      throw new ModelFileError(
        `${where} is [${spec.shape.join(', ')}]; this setup needs [${shape.join(', ')}]`,
      );
    }
  });
  const bytes = tf.io.concatenateArrayBuffers(
    Array.isArray(artifacts.weightData) ? artifacts.weightData : [artifacts.weightData],
  );
  const expected = specs.reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1) * bytesPer(s), 0);
  if (bytes.byteLength !== expected) {
    throw new ModelFileError(
      `${source}'s weights are ${bytes.byteLength} bytes; their description needs ${expected}`,
    );
  }
  let offset = 0;
  specs.forEach((spec, i) => {
    if (!allFinite(bytes, offset, spec)) {
      throw new ModelFileError(
        `${source}: weight ${i + 1} (${spec.name}) holds values that are NaN or infinite, so no model can train from it`,
      );
    }
    offset += spec.shape.reduce((a, b) => a * b, 1) * bytesPer(spec);
  });
  const named = tf.io.decodeWeights(bytes, specs);
  try {
    net.setWeights(specs.map((s) => named[s.name]!));
  } finally {
    tf.dispose(Object.values(named));
  }
}

/**
 * Throws what loading these weights into a model of `config` would throw, on a throwaway model
 * of that setup: a restore tries this before it touches the run.
 */
export function probeWeights(
  config: RunConfig,
  byRole: ReadonlyMap<string, tf.io.ModelArtifacts>,
): void {
  const probe = BUILDERS[config.model](config, dataShapeFor(config));
  try {
    loadNetworks(probe.networks, byRole);
  } finally {
    probe.dispose();
  }
}

/** Every network of `nets` loaded from the artifact of the same role; checks all before any. */
export function loadNetworks(
  nets: readonly tf.LayersModel[],
  byRole: ReadonlyMap<string, tf.io.ModelArtifacts>,
): void {
  const missing = nets.filter((n) => !byRole.has(n.name)).map((n) => n.name);
  if (missing.length) throw new ModelFileError(`no saved ${missing.join(' or ')} network`);
  // Snapshot first: a failure half-way puts every network back as it was.
  const before = nets.map((n) => n.getWeights().map((w) => w.clone()));
  try {
    for (const net of nets) loadWeightsInto(net, byRole.get(net.name)!);
  } catch (e) {
    nets.forEach((n, i) => n.setWeights(before[i]!));
    throw e;
  } finally {
    before.forEach((ws) => tf.dispose(ws));
  }
}

/**
 * A network as the two files of tfjs's layers format: `<prefix>-<role>.json`, whose
 * weightsManifest names `<prefix>-<role>.weights.bin`. `tf.loadLayersModel` reads the pair.
 */
export function toFiles(artifacts: tf.io.ModelArtifacts, prefix: string): NamedBytes[] {
  const role = roleOf(artifacts) ?? 'network';
  const bin = `${prefix}-${role}.weights.bin`;
  const json = {
    modelTopology: artifacts.modelTopology,
    format: artifacts.format,
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy ?? null,
    weightsManifest: [{ paths: [`./${bin}`], weights: artifacts.weightSpecs }],
    userDefinedMetadata: artifacts.userDefinedMetadata,
  };
  const weights = tf.io.concatenateArrayBuffers(
    Array.isArray(artifacts.weightData) ? artifacts.weightData : [artifacts.weightData!],
  );
  return [
    { name: `${prefix}-${role}.json`, bytes: new TextEncoder().encode(JSON.stringify(json)) },
    { name: bin, bytes: new Uint8Array(weights) },
  ];
}

const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/**
 * Reads uploaded files back into artifacts, one per model.json, with its weights files found
 * by name among the others. Checks sizes and form before parsing or copying anything large;
 * throws a ModelFileError naming the file when something is not a model.
 */
export function fromFiles(files: readonly NamedBytes[]): tf.io.ModelArtifacts[] {
  checkFileSizes(files);
  const jsons = files.filter((f) => f.name.toLowerCase().endsWith('.json'));
  if (jsons.length === 0) {
    throw new ModelFileError(
      'choose the model files: a .json file and its .weights.bin for each network',
    );
  }
  const binaries = new Map(files.map((f) => [baseName(f.name), f.bytes]));
  return jsons.map((file) => {
    const j = parseModelJson(file.name, file.bytes) as Partial<tf.io.ModelJSON> | null;
    if (!j || typeof j !== 'object' || !j.modelTopology || !Array.isArray(j.weightsManifest)) {
      throw new ModelFileError(
        `${file.name} is not a tfjs layers model (no modelTopology or weightsManifest)`,
      );
    }
    const parts: ArrayBuffer[] = [];
    const specs: tf.io.WeightsManifestEntry[] = [];
    for (const group of j.weightsManifest as unknown[]) {
      const g = group as Partial<tf.io.WeightsManifestConfig[number]> | null;
      if (!g || !Array.isArray(g.paths) || !Array.isArray(g.weights)) {
        throw new ModelFileError(`${file.name} has a malformed weightsManifest`);
      }
      if (specs.length + g.weights.length > IMPORT_LIMITS.weightSpecs) {
        throw new ModelFileError(
          `${file.name} lists more than ${IMPORT_LIMITS.weightSpecs} weight arrays; a network of this page has far fewer`,
        );
      }
      for (const p of g.paths) {
        if (typeof p !== 'string')
          throw new ModelFileError(`${file.name} names a weights file oddly`);
        const bytes = binaries.get(baseName(p));
        if (!bytes) throw new ModelFileError(`${file.name} needs ${baseName(p)}: choose it too`);
        parts.push(bytes.slice().buffer);
      }
      for (const w of g.weights) specs.push(checkSpec(w, file.name, specs.length));
    }
    return labelSource(
      {
        modelTopology: j.modelTopology,
        format: j.format,
        generatedBy: j.generatedBy,
        convertedBy: j.convertedBy,
        weightSpecs: specs,
        weightData: tf.io.concatenateArrayBuffers(parts),
        userDefinedMetadata: j.userDefinedMetadata,
      },
      file.name,
    );
  });
}

/**
 * Every network's weights read back to the host, or null when any is NaN or infinite (such a
 * snapshot would be no way back from a diverged run).
 */
export async function takeSnapshot(
  nets: readonly tf.LayersModel[],
  step: number,
): Promise<WeightSnapshot | null> {
  const networks: WeightSnapshot['networks'] = [];
  for (const net of nets) {
    // getWeights() gives the variables' own tensors: read, never disposed here.
    const tensors = net.getWeights();
    const values = await Promise.all(tensors.map((w) => w.data<'float32'>()));
    const size = values.reduce((n, v) => n + v.length, 0);
    const flat = new Float32Array(size);
    let at = 0;
    for (const v of values) {
      for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) return null;
      flat.set(v, at);
      at += v.length;
    }
    networks.push({
      role: net.name,
      specs: tensors.map((t, i) => ({
        name: net.weights[i]!.originalName,
        shape: [...t.shape],
        dtype: 'float32' as const,
      })),
      data: flat.buffer,
    });
  }
  return { step, networks };
}

/** A snapshot's networks as artifacts by role, for loadNetworks. */
export function snapshotArtifacts(snapshot: WeightSnapshot): Map<string, tf.io.ModelArtifacts> {
  return new Map(
    snapshot.networks.map((n) => [n.role, { weightSpecs: n.specs, weightData: n.data }] as const),
  );
}
