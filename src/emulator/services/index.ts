/**
 * The service definitions the emulator serves. TCR and SSM are added here by their own modules
 * (`./tcr`, `./ssm`) once those exist, so the build never references a missing file.
 */
import { ServiceDefinition } from '../service';
import { camService } from './cam';
import { ssmService } from './ssm';
import { stsService } from './sts';
import { tcrService } from './tcr';

export const SERVICES: readonly ServiceDefinition[] = [camService, stsService, tcrService, ssmService];
