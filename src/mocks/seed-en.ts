import type { CampaignTranslation } from '../api/contract.js';
import { link, p, PAYFIP_URL, SITE_URL, strong, text } from './seed.js';

/**
 * What the town translated of its campaign into English, as a real one might: the two
 * authorisations and the payment modes. The document types and the notes are left in French on
 * purpose: the widget then shows them with lang="fr", and the tests check it.
 */
export function campaignEnglish(): CampaignTranslation {
  return {
    authorisations: {
      image: {
        label: 'Image rights',
        text: [
          p(text('By answering “yes”, I allow the Conservatoire Municipal de Limonest to use my image or that of my minor child.')),
          p(text('This permission to use my image is given free of charge.')),
        ],
      },
      sortie: {
        label: 'Permission to leave alone',
        text: [p(text('By answering “yes”, I allow the minor student to leave the Conservatoire alone, including the dance studio and its changing rooms.'))],
        adultText: [
          p(text('Adult student: you leave the Conservatoire freely, including the dance studio and its changing rooms.')),
          p(text('Adult students, please tick one answer (“yes” or “no”) to complete the re-registration.')),
        ],
      },
    },
    paymentModes: {
      single: {
        label: 'Single payment',
        explanation: [
          p(
            text('Single payment from 25 October, on receipt of the invoice: by bank card or bank transfer on '),
            link('www.payfip.gouv.fr', PAYFIP_URL),
            text(', or by cheque to the Trésor public.'),
          ),
        ],
      },
      'direct-debit': {
        label: 'Direct debit in 9 instalments',
        explanation: [
          p(text('Direct debit: 9 instalments, at the start of each month, from November.')),
          p(
            text('Download the SEPA mandate from '),
            link('our website (“documents utiles”)', SITE_URL),
            text(', fill it in and send it back with your bank details (RIB / IBAN), '),
            strong('only if you have changed bank since September 2021'),
            text('.'),
          ),
        ],
      },
    },
  };
}
