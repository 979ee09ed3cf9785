/**
 * Novu: the inbox components and the headless client take `subscriberId` and
 * `subscriberHash`. The installation check reads the JSX props and `new Novu({ … })` itself
 * (install/web.ts); neither the identify-call table nor the syntax layer has a shape for them
 * yet, which the samples record.
 */
import { defineVendor } from './types';

export const novu = defineVendor({
  facts: {
    id: 'novu', name: 'Novu', hashes: 'user_id', secretEncoding: 'utf8',
    hashField: 'subscriberHash', userIdField: 'subscriberId',
    platforms: ['web'], envVar: 'NOVU_SECRET_KEY', scheme: 'hmac',
  },
  label: 'Novu',
  idKeys: ['subscriberId'],
  proofKeys: ['subscriberHash'],
  calls: [
    { sdks: ['web'], example: '<Inbox applicationIdentifier subscriberId subscriberHash />' },
    { sdks: ['web'], example: '<NovuProvider subscriberId subscriberHash applicationIdentifier>' },
    { sdks: ['web'], example: 'new Novu({ applicationIdentifier, subscriberId, subscriberHash })' },
  ],
  packages: { npm: ['@novu/react', '@novu/js', '@novu/notification-center'] },
  markers: ['subscriberHash', '@novu/', 'NovuProvider'],
  needles: [],
  samples: [
    { lang: 'ts', code: "import { Novu } from '@novu/js';\nconst novu = new Novu({ applicationIdentifier: 'a', subscriberId: user.id });", proven: false, engines: [] },
  ],
});
