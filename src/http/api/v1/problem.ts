import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { FieldErrors } from '../../validation.js';

const titles: Record<number, string> = {
  400: 'Ongeldige invoer',
  401: 'Niet ingelogd',
  403: 'Geen toegang',
  404: 'Niet gevonden',
  405: 'Methode niet toegestaan',
  406: 'Formaat niet beschikbaar',
  409: 'Conflict',
  413: 'Verzoek te groot',
  415: 'Formaat niet ondersteund',
  422: 'Kan niet worden verwerkt',
  429: 'Te veel verzoeken',
  500: 'Interne fout',
  503: 'Tijdelijk niet beschikbaar',
};

export const problemSchema = z.object({
  type: z.string().describe('URI die het soort probleem aanduidt'),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  invalidParams: z
    .array(z.object({ name: z.string(), code: z.string(), reason: z.string() }))
    .optional()
    .describe('De velden die niet goed zijn ingevuld'),
});

export type Problem = z.infer<typeof problemSchema>;

export function problemBody(status: number, detail: string, instance?: string, errors?: FieldErrors): Problem {
  return {
    type: status === 400 ? 'https://werkregie.nl/problemen/ongeldige-invoer' : 'about:blank',
    title: titles[status] ?? 'Fout',
    status,
    detail,
    ...(instance ? { instance } : {}),
    ...(errors ? { invalidParams: Object.entries(errors).map(([name, reason]) => ({ name, code: 'invalid', reason })) } : {}),
  };
}

/** Answers with RFC 9457 problem details. */
export function sendProblem(reply: FastifyReply, status: number, detail: string, errors?: FieldErrors): FastifyReply {
  return reply
    .status(status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send(problemBody(status, detail, reply.request.url, errors));
}
