/**
 * The service definitions the emulator serves. Each service is a folder: `model.ts` (state and rules),
 * `handlers.ts` (parse with ./params, authorise, call the model, render the view) and `index.ts`.
 */
import { ServiceDefinition } from '../service';
import { camService } from './cam';
import { ssmService } from './ssm';
import { stsService } from './sts';
import { tagService } from './tag';
import { tcrService } from './tcr';

export const SERVICES: readonly ServiceDefinition[] = [camService, stsService, tcrService, ssmService, tagService];
export { camPolicySource } from './cam';
