/**
 * Contract: registerProfileRoutes(app, deps, { basePath, resolveCandidate, previewPath? }) adds, under basePath (it may hold
 * route params such as ':id'): GET+POST `${basePath}/profiel/:section`, GET+POST `${basePath}/zichtbaarheid`, POST
 * `${basePath}/zichtbaarheid/toestemming` (keuze=geven|intrekken) and POST `${basePath}/beschikbaarheid/bevestigen`.
 * resolveCandidate(request, reply) returns the id of the candidate the actor works on, or null after answering itself.
 * Reads go through readCandidate (policy + access log), writes through the commands (policy + event); a save redirects
 * (303) to `${basePath}?opgeslagen=<what>`, which the page at basePath shows with <SavedNotice value={query.opgeslagen} />.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '#app/domain/accounts/actor.js';
import {
  confirmAvailability,
  giveConsent,
  hasActiveConsent,
  setVisibility,
  updateProfileSection,
  visibilitySchema,
  withdrawConsent,
} from '#app/domain/candidates/commands.js';
import { mayEditCandidate } from '#app/domain/candidates/policy.js';
import { profileSectionNames, staffOnlySections, type ProfileSection } from '#app/domain/candidates/profile.js';
import { readCandidate, type CandidateRead } from '#app/domain/candidates/queries.js';
import type { AppDeps } from '../../deps.js';
import { sendNotFound } from '../../guards.js';
import { sendPage } from '../../plugins/render.js';
import { parseInput } from '../../validation.js';
import { ErrorPage } from '../error-page.js';
import { loadPickerData } from '../concept-picker.js';
import {
  isSearchRequest,
  ProfileSectionPage,
  sectionErrors,
  sectionFormValues,
  sectionInputFromBody,
  sectionPickers,
  sectionValuesFromBody,
} from './section-forms.js';
import type { Editor } from './summary.js';
import {
  anonymousMissing,
  visibilityFormValues,
  visibilityInputFromBody,
  visibilityValuesFromBody,
  VisibilityPage,
} from './visibility-page.js';

export type ResolveCandidate = (request: FastifyRequest, reply: FastifyReply) => Promise<string | null>;
export type ProfileRouteOptions = {
  /** For example '/kandidaat' or '/consulent/kandidaten/:id'. */
  basePath: string;
  resolveCandidate: ResolveCandidate;
  /** A page below basePath that shows the profile as an employer sees it, linked from the visibility page. */
  previewPath?: string;
};

/** basePath with its route params filled in from this request, for links and redirects. */
export function concretePath(pattern: string, params: unknown): string {
  const values = (params ?? {}) as Record<string, string | undefined>;
  return pattern.replace(/:(\w+)/g, (whole, name: string) => (values[name] === undefined ? whole : encodeURIComponent(values[name])));
}

type Loaded = { actor: Actor; read: CandidateRead; editor: Editor; base: string };

export function registerProfileRoutes(app: FastifyInstance, { db }: AppDeps, options: ProfileRouteOptions): void {
  const { basePath, resolveCandidate } = options;

  /** The candidate as this actor may see it (read and logged), and whether the actor may edit it. */
  async function load(request: FastifyRequest, reply: FastifyReply, id: string, context: string): Promise<Loaded | null> {
    const actor = request.actor;
    const read = actor ? await readCandidate(db, actor, id, context) : null;
    if (!actor || !read || read === 'limit') {
      sendNotFound(request, reply);
      return null;
    }
    const editor = mayEditCandidate(actor, { instantieId: read.candidate.instantie_id, userId: read.candidate.user_id });
    if (!editor) {
      sendPage(request, reply, <ErrorPage status={403} />, 403);
      return null;
    }
    return { actor, read, editor, base: concretePath(basePath, request.params) };
  }

  /** A command the policy refused: "no access", or "not found" for a candidate the actor may not know of. */
  const refuse = (request: FastifyRequest, reply: FastifyReply, reason: 'forbidden' | 'not_found') =>
    reason === 'forbidden' ? sendPage(request, reply, <ErrorPage status={403} />, 403) : sendNotFound(request, reply);

  const sectionParam = (request: FastifyRequest): ProfileSection | null => {
    const section = (request.params as { section?: string }).section;
    return profileSectionNames.find((name) => name === section) ?? null;
  };

  const renderSection = async (
    request: FastifyRequest,
    reply: FastifyReply,
    loaded: Loaded,
    section: ProfileSection,
    form: { values: Record<string, string | string[] | undefined>; errors: Record<string, string> },
    status = 200,
  ) => {
    const { candidate } = loaded.read;
    const readOnly = staffOnlySections.includes(section) && loaded.editor !== 'consulent';
    const concepts = await loadPickerData(db, form.values, sectionPickers[section]);
    return sendPage(
      request,
      reply,
      <ProfileSectionPage
        section={section}
        form={form}
        action={`${loaded.base}/profiel/${section}`}
        backHref={loaded.base}
        editor={loaded.editor}
        candidateName={`${candidate.first_name} ${candidate.last_name}`}
        readOnlyCandidate={readOnly ? candidate : undefined}
        concepts={concepts}
      />,
      status,
    );
  };

  app.get(`${basePath}/profiel/:section`, async (request, reply) => {
    const section = sectionParam(request);
    if (!section) return sendNotFound(request, reply);
    const id = await resolveCandidate(request, reply);
    const loaded = id && (await load(request, reply, id, `profiel:${section}`));
    if (!loaded) return reply;
    return renderSection(request, reply, loaded, section, { values: sectionFormValues(section, loaded.read.candidate), errors: {} });
  });

  app.post(`${basePath}/profiel/:section`, async (request, reply) => {
    const section = sectionParam(request);
    if (!section) return sendNotFound(request, reply);
    const id = await resolveCandidate(request, reply);
    if (!id || !request.actor) return reply;
    const values = sectionValuesFromBody(section, request.body);
    if (isSearchRequest(request.body)) {
      // A search for an occupation or skill: show the form again with matches; nothing is saved.
      const loaded = await load(request, reply, id, `profiel:${section}`);
      return loaded ? renderSection(request, reply, loaded, section, { values, errors: {} }) : reply;
    }
    const result = await updateProfileSection(db, request.actor, id, section, sectionInputFromBody(section, request.body));
    if (!result.ok && result.reason !== 'invalid') return refuse(request, reply, result.reason);
    if (!result.ok) {
      const loaded = await load(request, reply, id, `profiel:${section}`);
      return loaded ? renderSection(request, reply, loaded, section, { values, errors: sectionErrors(result.errors) }, 400) : reply;
    }
    return reply.redirect(`${concretePath(basePath, request.params)}?opgeslagen=${section}`, 303);
  });

  const renderVisibility = async (
    request: FastifyRequest,
    reply: FastifyReply,
    loaded: Loaded,
    form: { values: Record<string, string | string[] | undefined>; errors: Record<string, string> },
    status = 200,
  ) => {
    const consentGiven = await hasActiveConsent(db, loaded.read.candidate.id);
    return sendPage(
      request,
      reply,
      <VisibilityPage
        form={form}
        action={`${loaded.base}/zichtbaarheid`}
        consentAction={`${loaded.base}/zichtbaarheid/toestemming`}
        backHref={loaded.base}
        editor={loaded.editor}
        candidate={loaded.read.candidate}
        consentGiven={consentGiven}
        saved={(request.query as Record<string, unknown>).opgeslagen}
        previewHref={options.previewPath ? `${loaded.base}${options.previewPath}` : undefined}
      />,
      status,
    );
  };

  app.get(`${basePath}/zichtbaarheid`, async (request, reply) => {
    const id = await resolveCandidate(request, reply);
    const loaded = id && (await load(request, reply, id, 'zichtbaarheid'));
    if (!loaded) return reply;
    return renderVisibility(request, reply, loaded, { values: visibilityFormValues(loaded.read.candidate), errors: {} });
  });

  app.post(`${basePath}/zichtbaarheid`, async (request, reply) => {
    const id = await resolveCandidate(request, reply);
    if (!id || !request.actor) return reply;
    const input = visibilityInputFromBody(request.body);
    const parsed = parseInput(visibilitySchema, input);
    let errors: Record<string, string> = parsed.ok ? {} : parsed.errors;
    if (!input.anonymous) errors = { ...errors, anonymous: anonymousMissing };
    if (Object.keys(errors).length === 0) {
      const result = await setVisibility(db, request.actor, id, input);
      if (!result.ok && result.reason !== 'invalid') return refuse(request, reply, result.reason);
      if (result.ok) return reply.redirect(`${concretePath(basePath, request.params)}/zichtbaarheid?opgeslagen=zichtbaarheid`, 303);
      errors = result.errors;
    }
    const loaded = await load(request, reply, id, 'zichtbaarheid');
    return loaded ? renderVisibility(request, reply, loaded, { values: visibilityValuesFromBody(request.body), errors }, 400) : reply;
  });

  app.post(`${basePath}/zichtbaarheid/toestemming`, async (request, reply) => {
    const choice = (request.body as Record<string, unknown> | undefined)?.keuze;
    if (choice !== 'geven' && choice !== 'intrekken') return sendPage(request, reply, <ErrorPage status={400} />, 400);
    const id = await resolveCandidate(request, reply);
    if (!id || !request.actor) return reply;
    const result = choice === 'geven' ? await giveConsent(db, request.actor, id) : await withdrawConsent(db, request.actor, id);
    if (!result.ok) return refuse(request, reply, result.reason === 'invalid' ? 'not_found' : result.reason);
    const saved = choice === 'geven' ? 'toestemming-gegeven' : 'toestemming-ingetrokken';
    return reply.redirect(`${concretePath(basePath, request.params)}/zichtbaarheid?opgeslagen=${saved}`, 303);
  });

  app.post(`${basePath}/beschikbaarheid/bevestigen`, async (request, reply) => {
    const id = await resolveCandidate(request, reply);
    if (!id || !request.actor) return reply;
    const result = await confirmAvailability(db, request.actor, id);
    if (!result.ok) return refuse(request, reply, result.reason === 'invalid' ? 'not_found' : result.reason);
    return reply.redirect(`${concretePath(basePath, request.params)}?opgeslagen=beschikbaarheid-bevestigd`, 303);
  });
}
