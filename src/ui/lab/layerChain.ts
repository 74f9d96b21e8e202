import type { LayerInfo, NetworkLayout } from '../../workers/messages.ts';

const layerText = (l: LayerInfo) =>
  `${l.type}${(l.units ?? l.filters) ? ` ${l.units ?? l.filters}` : ''}`;

/**
 * The layers with weights, in order; the VAE's two heads, which both read the last hidden
 * layer, side by side: "Dense 256 → Dense 2 (μ) ‖ Dense 2 (log σ²)".
 */
export function layerChain(net: NetworkLayout): string {
  const weighted = net.layers.filter((l) => l.params > 0);
  const mu = weighted.find((l) => l.name === 'z_mean');
  const logVar = weighted.find((l) => l.name === 'z_log_var');
  const trunk = weighted.filter((l) => l !== mu && l !== logVar).map(layerText);
  if (mu && logVar) trunk.push(`${layerText(mu)} (μ) ‖ ${layerText(logVar)} (log σ²)`);
  return trunk.join(' → ');
}
