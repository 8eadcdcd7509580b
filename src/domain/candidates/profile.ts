import { z } from 'zod';
import { postcodeSchema } from '../employers/rules.js';
import {
  availabilityStatuses,
  cefrLevels,
  dayOptions,
  educationLevels,
  regieLevels,
  supportNeedOptions,
  targetGroupOptions,
  travelModeOptions,
} from './rules.js';

/**
 * The candidate profile in short sections, one topic per page. Each schema validates one
 * section, from a form or from the API, with the messages a person reads.
 */
const list = <T extends string>(options: readonly [T, ...T[]], message: string) =>
  z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(options, { error: message })));
const optionalText = (max: number, message: string) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), z.string().trim().max(max, message).nullable().default(null));
const wholeNumber = (min: number, max: number, message: string) =>
  z.preprocess(
    (v) => (v === '' || v === undefined ? undefined : v),
    z.coerce.number({ error: message }).int(message).min(min, message).max(max, message),
  );
const uriList = z.preprocess(
  (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string().url('Kies een beroep of vaardigheid uit de lijst.')).max(20, 'Kies er hoogstens 20.'),
);

export const profileSections = {
  contact: z.object({
    firstName: z.string({ error: 'Vul de voornaam in.' }).trim().min(1, 'Vul de voornaam in.').max(100, 'De voornaam is te lang.'),
    lastName: z.string({ error: 'Vul de achternaam in.' }).trim().min(1, 'Vul de achternaam in.').max(100, 'De achternaam is te lang.'),
    email: z.preprocess(
      (v) => (v === '' ? null : v),
      z.string().trim().email('Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.').nullable().default(null),
    ),
    phone: z.preprocess(
      (v) => (v === '' ? null : v),
      z
        .string()
        .trim()
        .regex(/^[+0-9][0-9 -]{8,16}$/, 'Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678.')
        .nullable()
        .default(null),
    ),
  }),
  werk: z.object({
    wishedOccupations: uriList,
    hoursPerWeek: wholeNumber(1, 40, 'Vul een aantal uren in tussen 1 en 40.'),
    days: list(dayOptions as unknown as [string, ...string[]], 'Kies een dag uit de lijst.'),
  }),
  ervaring: z.object({
    skills: uriList,
    educationLevel: z.enum(educationLevels, { error: 'Kies je hoogste opleiding.' }),
    workExperience: z
      .array(
        z.object({
          title: z.string({ error: 'Vul de functie in.' }).trim().min(1, 'Vul de functie in.').max(100, 'Gebruik hoogstens 100 tekens.'),
          employer: z.string().trim().max(100, 'Gebruik hoogstens 100 tekens.').default(''),
          years: z.coerce
            .number({ error: 'Vul een aantal jaren in tussen 0 en 60.' })
            .min(0, 'Vul een aantal jaren in tussen 0 en 60.')
            .max(60, 'Vul een aantal jaren in tussen 0 en 60.')
            .default(0),
        }),
      )
      .max(20, 'Vul hoogstens 20 banen in.')
      .default([]),
    about: optionalText(2000, 'Schrijf hoogstens 2000 tekens.'),
  }),
  talen: z.object({
    dutchLevel: z.enum(cefrLevels, { error: 'Kies hoe goed je Nederlands is.' }),
    languages: z
      .array(
        z.object({
          language: z.string({ error: 'Vul de taal in.' }).trim().min(1, 'Vul de taal in.').max(50, 'Gebruik hoogstens 50 tekens.'),
          level: z.enum(cefrLevels, { error: 'Kies hoe goed je deze taal kent.' }),
        }),
      )
      .max(10, 'Vul hoogstens 10 talen in.')
      .default([]),
  }),
  reizen: z.object({
    postcode: postcodeSchema,
    travelRadiusKm: wholeNumber(0, 200, 'Vul een afstand in tussen 0 en 200 km.'),
    travelModes: list(travelModeOptions as unknown as [string, ...string[]], 'Kies hoe je reist.'),
  }),
  ondersteuning: z.object({
    supportNeeds: list(supportNeedOptions as unknown as [string, ...string[]], 'Kies uit de lijst.'),
    participationStep: z.preprocess((v) => (v === '' ? undefined : v), wholeNumber(1, 6, 'Kies een trede van 1 tot en met 6.').optional()),
    regieLevel: z.enum(regieLevels, { error: 'Kies hoeveel hulp je wilt.' }),
  }),
  beschikbaarheid: z.object({
    availability: z.enum(availabilityStatuses, { error: 'Kies of je beschikbaar bent.' }),
  }),
  doelgroep: z.object({
    targetGroups: list(targetGroupOptions as unknown as [string, ...string[]], 'Kies uit de lijst.'),
  }),
} as const;

export type ProfileSection = keyof typeof profileSections;
export type ProfileSectionInput<S extends ProfileSection> = z.output<(typeof profileSections)[S]>;
export const profileSectionNames = Object.keys(profileSections) as ProfileSection[];

/** Sections only staff fill in: target-group status is restricted data from the instantie's records. */
export const staffOnlySections: readonly ProfileSection[] = ['doelgroep'];
