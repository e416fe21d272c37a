import type { Translation } from '../core/strings.js';

/** German. `import de from 'lede/translations/de'; registerTranslation(de);` */
const de: Translation = {
  lang: 'de',
  'lede-article': {
    byline: 'Von {name}',
    published: 'Veröffentlicht',
    updated: 'Aktualisiert',
    readingTime: '{minutes} Min. Lesezeit',
    toc: 'Inhalt',
    loading: 'Der Artikel wird geladen …',
    loadFailed: 'Der Artikel konnte nicht geladen werden.',
  },
  'lede-key-points': { heading: 'Das Wichtigste' },
  'lede-scenarios': {
    heading: 'Wie es weitergehen könnte',
    vote: 'Am wahrscheinlichsten',
    share: '{percent} der Stimmen',
    sending: 'Ihre Stimme wird gesendet …',
    saved: 'Ihre Stimme ist gespeichert und wird gesendet, sobald die Verbindung zurück ist.',
    results: 'Danke für Ihre Stimme. So sehen es die Leserinnen und Leser.',
    leading: 'Die meisten Stimmen: {title} ({percent}).',
    closed: 'Die Abstimmung ist beendet. So sahen es die Leserinnen und Leser.',
    error: 'Ihre Stimme konnte nicht gesendet werden. Bitte versuchen Sie es noch einmal.',
  },
  'lede-comment-prompt': {
    heading: 'Diskutieren Sie mit',
    cta: 'Kommentare lesen und schreiben',
    countNone: 'Schreiben Sie den ersten Kommentar',
    countOne: '{n} Kommentar',
    countOther: '{n} Kommentare',
    share: 'Teilen',
    shareOn: 'Auf {network} teilen',
    email: 'E-Mail',
    copy: 'Link kopieren',
    copied: 'Link kopiert',
    copyFallback: 'Drücken Sie Strg+C (⌘+C auf dem Mac), um den Link zu kopieren',
    native: 'Teilen …',
    mastodon: 'Ihr Mastodon-Server, etwa mastodon.social',
    mastodonInvalid: 'Geben Sie einen Servernamen ein, etwa mastodon.social',
    mastodonChange: 'Server ändern ({server})',
  },
  'lede-comment-count': {
    countNone: 'Keine Kommentare',
    countOne: '{n} Kommentar',
    countOther: '{n} Kommentare',
  },
  'lede-newsletter': {
    heading: 'Newsletter',
    email: 'E-Mail',
    name: 'Name',
    button: 'Abonnieren',
    sending: 'Wird gesendet …',
    success: 'Danke! Bitte bestätigen Sie die Anmeldung in Ihrem Postfach.',
    invalid: 'Geben Sie eine E-Mail-Adresse wie name@example.com ein.',
    consentRequired: 'Bitte setzen Sie dieses Häkchen.',
    required: '(Pflichtfeld)',
    saved:
      'Keine Verbindung: Ihre Anmeldung ist auf diesem Gerät gespeichert und wird gesendet, sobald die Verbindung zurück ist.',
    failed: 'Das hat leider nicht geklappt. Bitte versuchen Sie es noch einmal.',
  },
};
export default de;
