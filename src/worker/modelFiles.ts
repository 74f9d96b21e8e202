import * as tf from '@tensorflow/tfjs';
import type { NamedBytes, SavedModelMeta, WeightSnapshot } from './protocol.ts';

// The trained networks as tfjs layers-format artifacts (model.json + weights): captured from a
// model, checked, and written back into a freshly built model of the same setup. Checkpoints
// (IndexedDB) and the download/upload of files share them.

/** Our metadata rides in model.json's userDefinedMetadata under this key. */
const META_KEY = 'playground';

/**
 * Our two custom layers, renamed to the stock tfjs layers that compute the same thing at
 * inference, so `tf.loadLayersModel` loads an exported file with no code of ours:
 * TwiceDifferentiableLeakyReLU is LeakyReLU (same α), SeededDropout is Dropout (same rate;
 * both are the identity outside training).
 */
const PORTABLE_CLASS: Record<string, string> = {
  TwiceDifferentiableLeakyReLU: 'LeakyReLU',
  SeededDropout: 'Dropout',
};

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

/** Our metadata in a network's artifacts, or null when the file did not come from this page. */
export function metaOf(
  artifacts: tf.io.ModelArtifacts,
): (SavedModelMeta & { role: string }) | null {
  const m = (artifacts.userDefinedMetadata as Record<string, unknown> | undefined)?.[META_KEY];
  if (!m || typeof m !== 'object') return null;
  const { id, hash, step, savedAt, roles, role } = m as Record<string, unknown>;
  const ok =
    typeof id === 'string' &&
    typeof hash === 'string' &&
    typeof role === 'string' &&
    Number.isInteger(step) &&
    (step as number) >= 0 &&
    typeof savedAt === 'number' &&
    Array.isArray(roles) &&
    roles.every((r) => typeof r === 'string');
  return ok
    ? ({ id, hash, step, savedAt, roles, role } as SavedModelMeta & { role: string })
    : null;
}

/** The network's name in its topology (`encoder`, `decoder`, `generator`, `discriminator`). */
export function roleOf(artifacts: tf.io.ModelArtifacts): string | null {
  const meta = metaOf(artifacts);
  if (meta) return meta.role;
  const name = (artifacts.modelTopology as { config?: { name?: unknown } } | undefined)?.config
    ?.name;
  return typeof name === 'string' ? name : null;
}

/**
 * Writes the saved weights into `net`, in order, after checking that every shape fits. Throws
 * an Error that says which weight does not fit, and changes nothing then.
 */
export function loadWeightsInto(net: tf.LayersModel, artifacts: tf.io.ModelArtifacts): void {
  const specs = artifacts.weightSpecs;
  if (!specs || !artifacts.weightData) throw new Error(`the ${net.name} file has no weights`);
  const want = net.weights;
  if (specs.length !== want.length) {
    throw new Error(
      `the saved ${net.name} has ${specs.length} weight arrays; this setup's has ${want.length}`,
    );
  }
  specs.forEach((spec, i) => {
    if (spec.dtype !== 'float32') {
      throw new Error(`the saved ${net.name}'s weight ${i + 1} is ${spec.dtype}, not float32`);
    }
    const shape = want[i]!.shape;
    if (spec.shape.length !== shape.length || spec.shape.some((d, j) => d !== shape[j])) {
      throw new Error(
        `the saved ${net.name}'s weight ${i + 1} is [${spec.shape.join(', ')}]; this setup needs [${shape.join(', ')}]`,
      );
    }
  });
  const bytes = tf.io.concatenateArrayBuffers(
    Array.isArray(artifacts.weightData) ? artifacts.weightData : [artifacts.weightData],
  );
  const expected = specs.reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1) * bytesPer(s), 0);
  if (bytes.byteLength !== expected) {
    throw new Error(
      `the ${net.name} weights are ${bytes.byteLength} bytes; their description needs ${expected}`,
    );
  }
  const named = tf.io.decodeWeights(bytes, specs);
  try {
    net.setWeights(specs.map((s) => named[s.name]!));
  } finally {
    tf.dispose(Object.values(named));
  }
}

/** Bytes per value of a weight as stored: its quantised type, else 4 (float32). */
function bytesPer(spec: tf.io.WeightsManifestEntry): number {
  const q = spec.quantization?.dtype;
  return q === 'uint8' ? 1 : q === 'uint16' || q === 'float16' ? 2 : 4;
}

/** Every network of `nets` loaded from the artifact of the same role; checks all before any. */
export function loadNetworks(
  nets: readonly tf.LayersModel[],
  byRole: ReadonlyMap<string, tf.io.ModelArtifacts>,
): void {
  const missing = nets.filter((n) => !byRole.has(n.name)).map((n) => n.name);
  if (missing.length) throw new Error(`no saved ${missing.join(' or ')} network`);
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
 * by name among the others. Throws an Error naming the file when something is not a model.
 */
export function fromFiles(files: readonly NamedBytes[]): tf.io.ModelArtifacts[] {
  const jsons = files.filter((f) => f.name.toLowerCase().endsWith('.json'));
  if (jsons.length === 0) {
    throw new Error('choose the model files: a .json file and its .weights.bin for each network');
  }
  const binaries = new Map(files.map((f) => [baseName(f.name), f.bytes]));
  return jsons.map((file) => {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(file.bytes));
    } catch {
      throw new Error(`${file.name} is not JSON, so not a tfjs model.json`);
    }
    const j = json as Partial<tf.io.ModelJSON> | null;
    if (!j || typeof j !== 'object' || !j.modelTopology || !Array.isArray(j.weightsManifest)) {
      throw new Error(
        `${file.name} is not a tfjs layers model (no modelTopology or weightsManifest)`,
      );
    }
    const parts: ArrayBuffer[] = [];
    const specs: tf.io.WeightsManifestEntry[] = [];
    for (const group of j.weightsManifest) {
      if (!group || !Array.isArray(group.paths) || !Array.isArray(group.weights)) {
        throw new Error(`${file.name} has a malformed weightsManifest`);
      }
      for (const p of group.paths) {
        const bytes = binaries.get(baseName(String(p)));
        if (!bytes) throw new Error(`${file.name} needs ${baseName(String(p))}: choose it too`);
        parts.push(bytes.slice().buffer);
      }
      specs.push(...group.weights);
    }
    return {
      modelTopology: j.modelTopology,
      format: j.format,
      generatedBy: j.generatedBy,
      convertedBy: j.convertedBy,
      weightSpecs: specs,
      weightData: tf.io.concatenateArrayBuffers(parts),
      userDefinedMetadata: j.userDefinedMetadata,
    };
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
