import { useT } from '#app/ui/i18n.js';
import { Heading, Layout, Paragraph } from '#app/ui/layout.js';
import { general } from './messages.js';

const texts = {
  400: ['badRequestTitle', 'badRequestText'],
  403: ['forbiddenTitle', 'forbiddenText'],
  404: ['notFoundTitle', 'notFoundText'],
  429: ['tooManyTitle', 'tooManyText'],
  500: ['errorTitle', 'errorText'],
} as const;

export type ErrorStatus = keyof typeof texts;

export function ErrorPage({ status }: { status: ErrorStatus }) {
  const t = useT(general);
  const [title, text] = texts[status];
  return (
    <Layout title={t(title)}>
      <Heading>{t(title)}</Heading>
      <Paragraph>{t(text)}</Paragraph>
      <Paragraph>
        <a className="utrecht-link" href="/">
          {t('toHome')}
        </a>
      </Paragraph>
    </Layout>
  );
}

export function errorStatusFor(status: number): ErrorStatus {
  if (status === 401 || status === 403) return 403;
  if (status === 404 || status === 405) return 404;
  if (status === 429) return 429;
  if (status >= 400 && status < 500) return 400;
  return 500;
}
