import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('mail and job settings', () => {
  it('keeps mail in the outbox and runs jobs by default', () => {
    const config = loadConfig({});
    expect(config.mail).toEqual({ smtpUrl: null, from: 'Werkregie <noreply@localhost>' });
    expect(config.jobs).toBe(true);
  });

  it('reads SMTP_URL, MAIL_FROM and JOBS', () => {
    const config = loadConfig({
      SMTP_URL: 'smtps://werkregie:geheim@mail.example.nl:465',
      MAIL_FROM: 'Gemeente <werk@example.nl>',
      JOBS: 'off',
    });
    expect(config.mail).toEqual({ smtpUrl: 'smtps://werkregie:geheim@mail.example.nl:465', from: 'Gemeente <werk@example.nl>' });
    expect(config.jobs).toBe(false);
  });

  it('stops with the variable named when SMTP_URL or JOBS is wrong', () => {
    expect(() => loadConfig({ SMTP_URL: 'mail.example.nl' })).toThrow(/SMTP_URL: moet beginnen met smtp:\/\/ of smtps:\/\//);
    expect(() => loadConfig({ JOBS: 'soms' })).toThrow(/JOBS/);
  });
});
