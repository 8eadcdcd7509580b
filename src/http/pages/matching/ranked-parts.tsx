import type { RankedCandidate, RankedList } from '#app/domain/matching/queries.js';
import type { Score } from '#app/domain/matching/score.js';
import { conceptLabels } from '#app/domain/taxonomy/queries.js';
import { countText, useT } from '#app/ui/i18n.js';
import { Heading, Layout, Pagination, Paragraph } from '#app/ui/layout.js';
import { Section } from '#app/ui/section.js';
import type { AppDeps } from '../../deps.js';
import { matchingInfoPath, ScoreExplanation, type ConceptLabels } from './explain.js';
import { matchListText } from './list-messages.js';

/** The pieces every ranked list page shares: the advice line, the candidate results and "ask the instantie". */

export const matchPageSize = 10;

/** The ESCO concepts a score's facts name (the occupation, missing skills), to look up their labels. */
export function scoreConceptUris(scores: readonly Score[]): string[] {
  return scores.flatMap((score) =>
    score.parts.flatMap((part) => {
      if (part.name === 'beroep' && typeof part.facts.occupation === 'string') return [part.facts.occupation];
      if ((part.name === 'vaardigheden' || part.name === 'extraVaardigheden') && Array.isArray(part.facts.missing))
        return part.facts.missing;
      return [];
    }),
  );
}

/** The labels a ranked candidate list's explanations name, in one query. */
export async function candidateLabels(db: AppDeps['db'], list: RankedList<RankedCandidate>): Promise<ConceptLabels> {
  return conceptLabels(db, scoreConceptUris(list.items.map((item) => item.score)));
}

/** "This list is advice", with the link to how matching works. */
export function AdviceLine({ text }: { text: string }) {
  const t = useT(matchListText);
  return (
    <Paragraph>
      {text}{' '}
      <a className="utrecht-link" href={matchingInfoPath}>
        {t('howItWorksLink')}
      </a>
    </Paragraph>
  );
}

/** A link on each row of a ranked candidate list ("Uitnodigen", "Voorstellen"); the row's name is added for screen readers. */
export type CandidateRowAction = { label: string; href: (candidateId: string) => string };

function CandidateItem({
  item,
  labels,
  profileHref,
  action,
}: {
  item: RankedCandidate;
  labels: ConceptLabels;
  profileHref: string;
  action?: CandidateRowAction;
}) {
  const t = useT(matchListText);
  const { view } = item.read;
  // The pseudonym reads "Kandidaat ABC123" in every language: it is how the candidate is known.
  const name = view.firstName ? `${view.firstName} ${view.lastName ?? ''}`.trim() : view.pseudonym;
  const facts = [
    ...(view.postcodeArea ? [t('candidateArea', { area: view.postcodeArea })] : []),
    ...(typeof view.hoursPerWeek === 'number' ? [t('candidateHours', { hours: view.hoursPerWeek })] : []),
  ];
  return (
    <article className="werkregie-card">
      <h3 className="utrecht-heading-3">
        <a className="utrecht-link" href={profileHref}>
          {name}
        </a>
      </h3>
      {facts.length ? <p className="utrecht-paragraph">{facts.join(' · ')}</p> : null}
      <ScoreExplanation score={item.score} voice="werkgever" labels={labels} collapsible infoLink={false} />
      {action ? (
        <p className="utrecht-paragraph">
          <a className="utrecht-link" href={action.href(item.read.candidate.id)}>
            {action.label}
            <span className="werkregie-visually-hidden">{`: ${name}`}</span>
          </a>
        </p>
      ) : null}
    </article>
  );
}

/**
 * A page of ranked candidates: how many fit, each with what the viewer may see (a name for staff, the
 * pseudonym otherwise) and the explanation of the score, and the page links.
 */
export function CandidateResults({
  list,
  labels,
  empty,
  profileHref,
  pageHref,
  rowAction,
}: {
  list: RankedList<RankedCandidate>;
  labels: ConceptLabels;
  /** What to say when no candidate fits. */
  empty: string;
  profileHref: (candidateId: string) => string;
  pageHref: (page: number) => string;
  rowAction?: CandidateRowAction;
}) {
  const t = useT(matchListText);
  return (
    <Section id="resultaten" title={t('resultsTitle')}>
      {list.total === 0 ? (
        <Paragraph>{empty}</Paragraph>
      ) : (
        <>
          <Paragraph>{countText(t, list.total, 'candidatesCountOne', 'candidatesCount')}</Paragraph>
          <div>
            {list.items.map((item) => (
              <CandidateItem
                key={item.read.candidate.id}
                item={item}
                labels={labels}
                profileHref={profileHref(item.read.candidate.id)}
                action={rowAction}
              />
            ))}
          </div>
          <Pagination page={list.page} pageSize={list.pageSize} total={list.total} href={pageHref} />
        </>
      )}
    </Section>
  );
}

/**
 * A business-as-usual employer (or one whose category opens no pool): the instantie proposes
 * candidates, and the page says how to ask. `step` names what to tell the contact person.
 */
export function AskInstantiePage({
  title,
  intro,
  step,
  back,
}: {
  title: string;
  intro: string;
  step: string;
  back: { href: string; label: string };
}) {
  const t = useT(matchListText);
  return (
    <Layout title={title}>
      <Paragraph>
        <a className="utrecht-link" href={back.href}>
          {back.label}
        </a>
      </Paragraph>
      <Heading>{title}</Heading>
      <Paragraph lead>{intro}</Paragraph>
      <Paragraph>{t('askHow')}</Paragraph>
      <ol className="utrecht-ordered-list">
        <li className="utrecht-ordered-list__item">{t('askStep1')}</li>
        <li className="utrecht-ordered-list__item">{step}</li>
        <li className="utrecht-ordered-list__item">{t('askStep3')}</li>
      </ol>
      <Paragraph>{t('askWhy')}</Paragraph>
    </Layout>
  );
}
