import { cefrLevels, supportNeedOptions } from '#app/domain/candidates/rules.js';
import type { PartName, Score, ScorePart } from '#app/domain/matching/score.js';
import { useT, type Translate } from '#app/ui/i18n.js';
import { matchingText, type MatchingKey } from './messages.js';

/** Who the text speaks to: the candidate ("je"), or an employer or consultant about the candidate. */
export type Voice = 'kandidaat' | 'werkgever';

/** Labels of ESCO occupations and skills by URI, as the page has looked them up. */
export type ConceptLabels = ReadonlyMap<string, string>;

export const matchingInfoPath = '/hoe-werkt-het-matchen';

type Facts = ScorePart['facts'];
type T = Translate<MatchingKey>;

const numberFact = (facts: Facts, key: string): number | null => {
  const value = facts[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};
const stringFact = (facts: Facts, key: string): string | null => {
  const value = facts[key];
  return typeof value === 'string' && value !== '' ? value : null;
};
const listFact = (facts: Facts, key: string): string[] | null => {
  const value = facts[key];
  return Array.isArray(value) ? value : null;
};

/** The message of a voice: `skills_all` becomes `skills_all_k` for the candidate, `skills_all_w` otherwise. */
function voiced<B extends string>(base: B, voice: Voice): `${B}_k` | `${B}_w` {
  return voice === 'kandidaat' ? `${base}_k` : `${base}_w`;
}

/** "a", "a en b", "a, b en c". */
export function joinList(items: readonly string[], t: T): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${t('listAnd')} ${items[items.length - 1]}`;
}

const conceptLabel = (uri: string, labels: ConceptLabels) => labels.get(uri) ?? uri;

function supportLabel(code: string, t: T): string {
  return (supportNeedOptions as readonly string[]).includes(code) ? t(`need_${code as (typeof supportNeedOptions)[number]}`) : code;
}

function occupationSentence(facts: Facts, voice: Voice, t: T, labels: ConceptLabels): string | null {
  const fit = stringFact(facts, 'fit');
  const occupation = stringFact(facts, 'occupation');
  if (!occupation || (fit !== 'exact' && fit !== 'iscoGroup' && fit !== 'none')) return null;
  return t(voiced(`beroep_${fit}`, voice), { occupation: conceptLabel(occupation, labels) });
}

function skillsSentence(kind: 'skills' | 'extra', facts: Facts, voice: Voice, t: T, labels: ConceptLabels): string | null {
  const covered = numberFact(facts, 'covered');
  const wanted = numberFact(facts, 'wanted');
  const missing = listFact(facts, 'missing');
  if (covered === null || wanted === null || missing === null || wanted <= 0) return null;
  const names = joinList(
    missing.map((uri) => conceptLabel(uri, labels)),
    t,
  );
  if (covered >= wanted) return t(voiced(wanted === 1 ? `${kind}_allOne` : `${kind}_all`, voice), { wanted });
  if (wanted === 1) return t(voiced(`${kind}_noneOne`, voice), { missing: names });
  return t(voiced(`${kind}_some`, voice), { covered, wanted, missing: names });
}

function distanceSentence(facts: Facts, voice: Voice, t: T): string | null {
  const km = numberFact(facts, 'km');
  const radius = numberFact(facts, 'radiusKm');
  if (km === null || radius === null) return null;
  const first = km < 1 ? t(voiced('distanceNear', voice), { radius }) : t(voiced('distance', voice), { km, radius });
  return facts.within === false ? `${first} ${t(voiced('distanceFar', voice))}` : first;
}

function hoursSentence(facts: Facts, voice: Voice, t: T): string | null {
  const wanted = numberFact(facts, 'wanted');
  const offered = numberFact(facts, 'offered');
  if (wanted === null || offered === null) return null;
  return t(voiced('hours', voice), { wanted, offered });
}

const levelIndex = (level: string) => (cefrLevels as readonly string[]).indexOf(level);

function languageSentence(facts: Facts, voice: Voice, t: T): string | null {
  const required = stringFact(facts, 'required');
  if (!required) return null;
  const has = stringFact(facts, 'has');
  const sentences = [t('language_required', { required })];
  if (has) {
    sentences.push(t(voiced('language_has', voice), { has }));
    if (levelIndex(has) >= 0 && levelIndex(required) >= 0) {
      sentences.push(t(levelIndex(has) >= levelIndex(required) ? 'language_enough' : 'language_notEnough'));
    }
  } else if (voice === 'kandidaat') {
    // The candidate may hear that the level is missing; an employer may not learn what is not shown.
    sentences.push(t('language_unknown_k'));
  }
  return sentences.join(' ');
}

function availabilitySentence(facts: Facts, voice: Voice, t: T): string | null {
  if (facts.expired === true) return t(voiced('availability_expired', voice));
  const status = stringFact(facts, 'status');
  if (status !== 'beschikbaar' && status !== 'binnenkort' && status !== 'niet_beschikbaar') return null;
  return t(voiced(`availability_${status}`, voice));
}

function supportSentence(facts: Facts, voice: Voice, t: T): string | null {
  const needed = listFact(facts, 'needed');
  const met = listFact(facts, 'met');
  const missing = listFact(facts, 'missing');
  if (!needed || needed.length === 0 || !met || !missing) return null;
  const names = (codes: readonly string[]) =>
    joinList(
      codes.map((code) => supportLabel(code, t)),
      t,
    );
  const sentences = [t(voiced('support_needed', voice), { needed: names(needed) })];
  if (met.length > 0) sentences.push(t('support_met', { met: names(met) }));
  if (missing.length > 0) sentences.push(t(voiced('support_missing', voice), { missing: names(missing) }));
  sentences.push(t('support_note'));
  return sentences.join(' ');
}

/**
 * One part of a score in plain words, or null when the part has no facts to tell. The text uses
 * only the facts it is given: a fact the caller left out (because the reader may not see it) is
 * never guessed or mentioned.
 */
export function explainPart(part: ScorePart, voice: Voice, t: T, labels: ConceptLabels = new Map()): string | null {
  const { facts } = part;
  switch (part.name) {
    case 'beroep':
      return occupationSentence(facts, voice, t, labels);
    case 'vaardigheden':
      return skillsSentence('skills', facts, voice, t, labels);
    case 'extraVaardigheden':
      return skillsSentence('extra', facts, voice, t, labels);
    case 'afstand':
      return distanceSentence(facts, voice, t);
    case 'uren':
      return hoursSentence(facts, voice, t);
    case 'taal':
      return languageSentence(facts, voice, t);
    case 'beschikbaarheid':
      return availabilitySentence(facts, voice, t);
    case 'ondersteuning':
      return supportSentence(facts, voice, t);
  }
}

/** The name of a part, as a heading in the explanation and on the page "Hoe werkt het matchen?". */
export const partLabel = (name: PartName, t: T): string => t(`part_${name}`);

/**
 * Parts that do not count in the total: unknown or not applicable (value null), or weighed 0 by the
 * instantie. Support never counts and says so in its own sentence, so it is not listed here.
 */
export function uncountedParts(score: Score): ScorePart[] {
  return score.parts.filter((part) => part.name !== 'ondersteuning' && (part.value === null || part.weight === 0));
}

/**
 * A score with its reasons: the total, that it is advice, one sentence per part with facts, and
 * which parts did not count. Parts without facts are left out; they are named in the "does not
 * count" line when they have no value. `collapsible` folds the reasons under the total (a native
 * `<details>`, so it works without JavaScript), for long lists.
 */
export function ScoreExplanation({
  score,
  voice,
  labels = new Map(),
  collapsible,
  infoLink = true,
}: {
  score: Score;
  voice: Voice;
  labels?: ConceptLabels;
  collapsible?: boolean;
  /** The link to "Hoe werkt het matchen?"; off on that page itself. */
  infoLink?: boolean;
}) {
  const t = useT(matchingText);
  const explained = score.parts.flatMap((part) => {
    const text = explainPart(part, voice, t, labels);
    return text === null ? [] : [{ part, text }];
  });
  const uncounted = uncountedParts(score);
  const total = t('total', { total: score.total });
  const reasons = (
    <>
      <p className="utrecht-paragraph">{t(voiced('advice', voice))}</p>
      {explained.length > 0 ? (
        <dl className="werkregie-definitions">
          {explained.map(({ part, text }) => (
            <div key={part.name}>
              <dt>{partLabel(part.name, t)}</dt>
              <dd>{text}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {uncounted.length > 0 ? (
        <p className="utrecht-paragraph">
          {t('notCounted', {
            parts: joinList(
              uncounted.map((part) => partLabel(part.name, t)),
              t,
            ),
          })}
        </p>
      ) : null}
      {infoLink ? (
        <p className="utrecht-paragraph">
          <a className="utrecht-link" href={matchingInfoPath}>
            {t('howItWorks')}
          </a>
        </p>
      ) : null}
    </>
  );
  if (collapsible) {
    return (
      <details className="werkregie-score">
        <summary>
          <strong>{total}</strong>. {t('why')}
        </summary>
        {reasons}
      </details>
    );
  }
  return (
    <div className="werkregie-score">
      <p className="utrecht-paragraph">
        <strong>{total}</strong>
      </p>
      {reasons}
    </div>
  );
}
