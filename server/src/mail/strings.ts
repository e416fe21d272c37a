/** The words of mails and pages, per language. English is the fallback; add a language by adding an entry. */
export interface Strings {
  confirmSubject: string;
  confirmIntro: string;
  confirmButton: string;
  confirmIgnore: string;
  alreadySubject: string;
  alreadyIntro: string;
  unsubscribeLine: string;
  unsubscribeLink: string;
  pageConfirmedTitle: string;
  pageConfirmedText: string;
  pageAlreadyTitle: string;
  pageAlreadyText: string;
  pageExpiredTitle: string;
  pageExpiredText: string;
  pageUnknownTitle: string;
  pageUnknownText: string;
  pageUnsubscribeTitle: string;
  pageUnsubscribeText: string;
  pageUnsubscribeButton: string;
  pageUnsubscribedTitle: string;
  pageUnsubscribedText: string;
  pagePendingTitle: string;
  pagePendingText: string;
  pageErrorTitle: string;
  pageBack: string;
  signupAccepted: string;
}

const en: Strings = {
  confirmSubject: 'Please confirm your subscription',
  confirmIntro: 'Someone, hopefully you, asked to subscribe this address. To confirm, open this link:',
  confirmButton: 'Confirm my subscription',
  confirmIgnore: 'If you did not ask for this, ignore this mail: nothing happens without your confirmation.',
  alreadySubject: 'You are already subscribed',
  alreadyIntro:
    'Someone, hopefully you, asked to subscribe this address. It is already subscribed, so nothing changed.',
  unsubscribeLine: 'To stop receiving mail from this list, unsubscribe here:',
  unsubscribeLink: 'Unsubscribe',
  pageConfirmedTitle: 'Subscription confirmed',
  pageConfirmedText: 'Thank you: your subscription is confirmed.',
  pageAlreadyTitle: 'Already confirmed',
  pageAlreadyText: 'This link was already used: your subscription is confirmed.',
  pageExpiredTitle: 'This link has expired',
  pageExpiredText: 'Confirmation links work for 7 days. Please sign up again to get a new one.',
  pageUnknownTitle: 'Link not recognised',
  pageUnknownText: 'This link is not valid. Please check that you opened the whole link from the mail.',
  pageUnsubscribeTitle: 'Unsubscribe',
  pageUnsubscribeText: 'Press the button to stop receiving mail from this list.',
  pageUnsubscribeButton: 'Unsubscribe',
  pageUnsubscribedTitle: 'You are unsubscribed',
  pageUnsubscribedText: 'You will receive no more mail from this list.',
  pagePendingTitle: 'Check your inbox',
  pagePendingText: 'We sent you a mail with a link to confirm your subscription.',
  pageErrorTitle: 'The signup could not be sent',
  pageBack: 'Go back',
  signupAccepted: 'Thanks! Please check your inbox to confirm your subscription.',
};

const de: Strings = {
  confirmSubject: 'Bitte bestätigen Sie Ihr Abonnement',
  confirmIntro: 'Jemand, hoffentlich Sie, möchte diese Adresse eintragen. Zum Bestätigen öffnen Sie diesen Link:',
  confirmButton: 'Abonnement bestätigen',
  confirmIgnore: 'Wenn Sie das nicht waren, ignorieren Sie diese Mail: Ohne Ihre Bestätigung geschieht nichts.',
  alreadySubject: 'Sie sind bereits eingetragen',
  alreadyIntro:
    'Jemand, hoffentlich Sie, möchte diese Adresse eintragen. Sie ist bereits eingetragen; nichts wurde geändert.',
  unsubscribeLine: 'Um keine Mails dieser Liste mehr zu erhalten, tragen Sie sich hier aus:',
  unsubscribeLink: 'Abmelden',
  pageConfirmedTitle: 'Abonnement bestätigt',
  pageConfirmedText: 'Danke: Ihr Abonnement ist bestätigt.',
  pageAlreadyTitle: 'Bereits bestätigt',
  pageAlreadyText: 'Dieser Link wurde schon verwendet: Ihr Abonnement ist bestätigt.',
  pageExpiredTitle: 'Dieser Link ist abgelaufen',
  pageExpiredText: 'Bestätigungslinks gelten 7 Tage. Bitte melden Sie sich erneut an, um einen neuen zu erhalten.',
  pageUnknownTitle: 'Link nicht erkannt',
  pageUnknownText: 'Dieser Link ist ungültig. Bitte prüfen Sie, ob Sie den ganzen Link aus der Mail geöffnet haben.',
  pageUnsubscribeTitle: 'Abmelden',
  pageUnsubscribeText: 'Drücken Sie die Schaltfläche, um keine Mails dieser Liste mehr zu erhalten.',
  pageUnsubscribeButton: 'Abmelden',
  pageUnsubscribedTitle: 'Sie sind abgemeldet',
  pageUnsubscribedText: 'Sie erhalten keine Mails dieser Liste mehr.',
  pagePendingTitle: 'Bitte prüfen Sie Ihr Postfach',
  pagePendingText: 'Wir haben Ihnen eine Mail mit einem Link zur Bestätigung geschickt.',
  pageErrorTitle: 'Die Anmeldung konnte nicht gesendet werden',
  pageBack: 'Zurück',
  signupAccepted: 'Danke! Bitte bestätigen Sie Ihr Abonnement über den Link in der Mail.',
};

const TABLE: Record<string, Strings> = { en, de };

/** The language to use for a BCP 47 tag ("de-AT" → "de"), English when there is no table for it. */
export function pickLanguage(tag: string | null | undefined): string {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return Object.hasOwn(TABLE, base) ? base : 'en';
}

export function stringsFor(tag: string | null | undefined): Strings {
  return TABLE[pickLanguage(tag)]!;
}

/** The first language of an Accept-Language header that has a table, if any. */
export function fromAcceptLanguage(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(',')) {
    const tag = part.split(';')[0]!.trim();
    if (tag && pickLanguage(tag) !== 'en') return pickLanguage(tag);
    if (tag.toLowerCase().startsWith('en')) return 'en';
  }
  return undefined;
}
