import { defaultsFor } from '../config/models.ts';
import type { RunConfig } from '../config/schema.ts';
import { buildHostData, type CustomData } from '../data/hostData.ts';
import { toDevice, type DeviceData } from '../workers/train/deviceData.ts';
import { loadPackedDigits } from './digits.ts';

/** A data set on the (test) device, built as the worker builds it. */
export function deviceFor(
  patch: Partial<RunConfig> = {},
  custom: CustomData = { drawn: null, upload: null },
): DeviceData {
  const config = { ...defaultsFor('vae'), ...patch };
  return toDevice(
    buildHostData(config, config.data === 'mnist' ? loadPackedDigits() : null, custom),
  );
}
