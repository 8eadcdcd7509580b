import type { FastifyInstance } from 'fastify';
import { matchLogRetentionMonths } from '#app/domain/matching/queries.js';
import {
  defaultWeights,
  distanceValue,
  partNames,
  scoreMatch,
  type MatchCandidate,
  type MatchVacancy,
  type PartName,
  type Score,
  type ScorePart,
} from '#app/domain/matching/score.js';
import { useLocale, useT } from '#app/ui/i18n.js';
import { Heading, Layout, Paragraph } from '#app/ui/layout.js';
import { Section } from '#app/ui/section.js';
import { DataTable } from '#app/ui/table.js';
import type { AppDeps } from '../../deps.js';
import { sendPage } from '../../plugins/render.js';
import { explainPart, matchingInfoPath, partLabel, ScoreExplanation, type ConceptLabels } from './explain.js';
import { matchingInfoText, matchingText } from './messages.js';

const nobody: MatchCandidate = {
  wishedOccupations: null,
  wishedIscoGroups: null,
  skills: null,
  hoursPerWeek: null,
  dutchLevel: null,
  travelRadiusKm: null,
  availability: null,
  availabilityExpired: null,
  supportNeeds: null,
};
const anyJob: MatchVacancy = {
  occupationUri: null,
  iscoGroup: null,
  requiredSkills: [],
  niceSkills: [],
  hoursPerWeek: 32,
  requiredDutchLevel: null,
  supportOffered: [],
};

const percent = (value: number | null | undefined) => Math.round(100 * (value ?? 0));

function partValue(candidate: Partial<MatchCandidate>, vacancy: Partial<MatchVacancy>, name: PartName, distanceKm: number | null = null) {
  return scoreMatch({ ...nobody, ...candidate }, { ...anyJob, ...vacancy }, distanceKm).parts.find((part) => part.name === name)?.value;
}

/**
 * The numbers the page names, computed by the score itself so the page cannot drift from it:
 * e.g. what "the same ISCO group" or "one level too low" is worth.
 */
export function scoreRules() {
  return {
    isco: percent(partValue({ wishedOccupations: ['a'], wishedIscoGroups: ['9112'] }, { occupationUri: 'b', iscoGroup: '9112' }, 'beroep')),
    threeOfFour: percent(partValue({ skills: ['a', 'b', 'c'] }, { requiredSkills: ['a', 'b', 'c', 'd'] }, 'vaardigheden')),
    edge: percent(distanceValue(10, 10)),
    hours: percent(partValue({ hoursPerWeek: 24 }, { hoursPerWeek: 32 }, 'uren')),
    oneBelow: percent(partValue({ dutchLevel: 'A2' }, { requiredDutchLevel: 'B1' }, 'taal')),
    soon: percent(partValue({ availability: 'binnenkort', availabilityExpired: false }, {}, 'beschikbaarheid')),
  };
}

const example = {
  occupation: 'voorbeeld:beroep',
  skills: ['voorbeeld:s1', 'voorbeeld:s2', 'voorbeeld:s3', 'voorbeeld:s4'],
  nice: ['voorbeeld:n1', 'voorbeeld:n2'],
};

/** The worked example: a cleaner 6 km from a 32-hour cleaning job, scored with the default weights. */
export function exampleScore(): Score {
  return scoreMatch(
    {
      wishedOccupations: [example.occupation],
      wishedIscoGroups: ['9112'],
      skills: [...example.skills.slice(0, 3), example.nice[0]!],
      hoursPerWeek: 24,
      dutchLevel: 'A2',
      travelRadiusKm: 10,
      availability: 'beschikbaar',
      availabilityExpired: false,
      supportNeeds: ['jobcoach'],
    },
    {
      occupationUri: example.occupation,
      iscoGroup: '9112',
      requiredSkills: example.skills,
      niceSkills: example.nice,
      hoursPerWeek: 32,
      requiredDutchLevel: 'B1',
      supportOffered: ['jobcoach'],
    },
    6,
    defaultWeights,
  );
}

const twoDecimals = (value: number) => Math.round(value * 100) / 100;
const counts = (part: ScorePart) => part.value !== null && part.weight > 0;

function ExampleSection() {
  const t = useT(matchingInfoText);
  const tm = useT(matchingText);
  const numbers = new Intl.NumberFormat(useLocale() === 'nl' ? 'nl-NL' : 'en-GB');
  const labels: ConceptLabels = new Map([
    [example.occupation, t('exampleOccupation')],
    ...example.skills.map((uri, index) => [uri, t(`exampleSkill${index + 1}` as 'exampleSkill1')] as const),
    ...example.nice.map((uri, index) => [uri, t(`exampleNice${index + 1}` as 'exampleNice1')] as const),
  ]);
  const score = exampleScore();
  const counted = score.parts.filter(counts);
  const points = twoDecimals(counted.reduce((sum, part) => sum + part.weight * part.value!, 0));
  const weights = counted.reduce((sum, part) => sum + part.weight, 0);
  return (
    <Section id="voorbeeld" title={t('exampleTitle')} level={3}>
      <Paragraph>{t('exampleIntro', { occupation: t('exampleOccupation') })}</Paragraph>
      <DataTable
        caption={t('exampleCaption')}
        rows={score.parts}
        rowKey={(part) => part.name}
        columns={[
          { header: t('colPart'), cell: (part) => partLabel(part.name, tm), rowHeader: true },
          { header: t('colFacts'), cell: (part) => explainPart(part, 'werkgever', tm, labels) ?? '' },
          {
            header: t('colPartScore'),
            cell: (part) => (counts(part) ? t('partScoreValue', { value: percent(part.value) }) : t('notCountedValue')),
          },
          { header: t('colWeight'), cell: (part) => (part.name === 'ondersteuning' ? t('weightNever') : part.weight) },
          { header: t('colPoints'), cell: (part) => (counts(part) ? numbers.format(twoDecimals(part.weight * part.value!)) : '0') },
        ]}
      />
      <Paragraph>{t('exampleSum', { points, weights, total: score.total })}</Paragraph>
      <Paragraph>
        <strong>{t('exampleTotal', { total: score.total })}</strong>
      </Paragraph>
      <Section id="voorbeeld-kandidaat" title={t('exampleCandidateTitle')} level={3} card>
        <ScoreExplanation score={score} voice="kandidaat" labels={labels} infoLink={false} />
      </Section>
    </Section>
  );
}

const weightedParts = partNames.filter((name): name is Exclude<PartName, 'ondersteuning'> => name !== 'ondersteuning');

function MatchingInfoPage() {
  const t = useT(matchingInfoText);
  const tm = useT(matchingText);
  const rules = scoreRules();
  const quoted = exampleScore().parts.find((part) => part.name === 'afstand');
  const never = ['neverAge', 'neverGender', 'neverOrigin', 'neverHealth', 'neverSupport', 'neverTargetGroup', 'neverIdentity'] as const;
  const used = ['dataOccupation', 'dataSkills', 'dataDistance', 'dataHours', 'dataLanguage', 'dataAvailability', 'dataSupport'] as const;
  const risks = ['riskInputs', 'riskBias', 'riskTrust', 'riskStale', 'riskScraping', 'riskLog', 'riskOpen'] as const;
  const ruleRows = [...weightedParts, 'ondersteuning' as const];
  const ruleText = (name: PartName) => {
    switch (name) {
      case 'beroep':
        return t('rule_beroep', { isco: rules.isco });
      case 'vaardigheden':
        return t('rule_vaardigheden', { threeOfFour: rules.threeOfFour });
      case 'afstand':
        return t('rule_afstand', { edge: rules.edge });
      case 'uren':
        return t('rule_uren', { hours: rules.hours });
      case 'taal':
        return t('rule_taal', { oneBelow: rules.oneBelow });
      case 'beschikbaarheid':
        return t('rule_beschikbaarheid', { soon: rules.soon });
      default:
        return t(`rule_${name}`);
    }
  };
  return (
    <Layout title={t('title')}>
      <Heading>{t('title')}</Heading>
      <Paragraph lead>{t('intro')}</Paragraph>
      <Paragraph>
        <a className="utrecht-link" href="https://algoritmes.overheid.nl" hrefLang="nl">
          {t('registerLink')}
        </a>
      </Paragraph>

      <Section id="in-het-kort" title={t('summaryTitle')} card>
        <dl className="werkregie-definitions">
          {(
            [
              ['summaryName', 'summaryNameValue'],
              ['summaryKind', 'summaryKindValue'],
              ['summaryDecides', 'summaryDecidesValue'],
              ['summaryRisk', 'summaryRiskValue'],
            ] as const
          ).map(([term, value]) => (
            <div key={term}>
              <dt>{t(term)}</dt>
              <dd>{t(value)}</dd>
            </div>
          ))}
        </dl>
      </Section>

      <Section id="wat-doet-het" title={t('whatTitle')}>
        <Paragraph>{t('what1')}</Paragraph>
        <Paragraph>{t('what2')}</Paragraph>
        <Paragraph>{t('what3', { example: quoted ? (explainPart(quoted, 'kandidaat', tm) ?? '') : '' })}</Paragraph>
        <Paragraph>{t('what4')}</Paragraph>
      </Section>

      <Section id="waarom" title={t('whyTitle')}>
        <Paragraph>{t('why1')}</Paragraph>
        <Paragraph>{t('why2')}</Paragraph>
        <Paragraph>{t('why3')}</Paragraph>
      </Section>

      <Section id="gegevens" title={t('dataTitle')}>
        <Paragraph>{t('dataUsedIntro')}</Paragraph>
        <ul className="utrecht-unordered-list">
          {used.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
        <Paragraph>{t('dataNeverIntro')}</Paragraph>
        <ul className="utrecht-unordered-list">
          {never.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
        <Paragraph>{t('dataNeverTest')}</Paragraph>
      </Section>

      <Section id="berekening" title={t('scoreTitle')}>
        <Paragraph>{t('score1')}</Paragraph>
        <Paragraph>{t('score2')}</Paragraph>
        <DataTable
          caption={t('tableCaption')}
          rows={ruleRows}
          rowKey={(name) => name}
          columns={[
            { header: t('colPart'), cell: (name) => partLabel(name, tm), rowHeader: true },
            { header: t('colRule'), cell: ruleText },
            { header: t('colWeight'), cell: (name) => (name === 'ondersteuning' ? t('weightNever') : defaultWeights[name]) },
          ]}
        />
        <Paragraph>{t('scoreUnknown')}</Paragraph>
        <Paragraph>{t('scoreVersions')}</Paragraph>
        <ExampleSection />
      </Section>

      <Section id="menselijke-controle" title={t('oversightTitle')}>
        <Paragraph>{t('oversight1')}</Paragraph>
        <Paragraph>{t('oversight2')}</Paragraph>
        <Paragraph>{t('oversightScope')}</Paragraph>
        <Paragraph>{t('oversight3')}</Paragraph>
        <Paragraph>
          {t('oversight4')}{' '}
          <a className="utrecht-link" href="/vacatures">
            {t('allVacancies')}
          </a>
        </Paragraph>
      </Section>

      <Section id="vastleggen" title={t('logTitle')}>
        <Paragraph>{t('log1')}</Paragraph>
        <Paragraph>{t('log2')}</Paragraph>
        <Paragraph>{t('log3', { months: matchLogRetentionMonths })}</Paragraph>
        <Paragraph>{t('log4')}</Paragraph>
      </Section>

      <Section id="rechten" title={t('rightsTitle')}>
        {(['rights1', 'rights2', 'rights3', 'rights4', 'rights5', 'rights6'] as const).map((key) => (
          <Paragraph key={key}>{t(key)}</Paragraph>
        ))}
      </Section>

      <Section id="risicos" title={t('risksTitle')}>
        <Paragraph>{t('risks1')}</Paragraph>
        <ul className="utrecht-unordered-list">
          {risks.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      </Section>
    </Layout>
  );
}

/** The public page that explains the matching, for everyone, logged in or not. */
export function registerMatchingInfoPages(app: FastifyInstance, _deps: AppDeps): void {
  app.get(matchingInfoPath, async (request, reply) => sendPage(request, reply, <MatchingInfoPage />));
}
