import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { Db } from '#app/db/connection.js';
import { importPostcodesFile, PostcodeImportError, type PostcodeImportProgress, type PostcodeImportReport } from './import.js';

export const postcodeImportHelp = `Gebruik: werkregie import postcodes <bestand.csv>

Laadt een landelijke tabel van postcodegebieden (PC4) met hun middelpunt. Opnieuw laden mag:
bestaande gebieden worden bijgewerkt, niets wordt dubbel. Zie docs/domain/geography.md.

Het bestand: UTF-8, gescheiden door komma's of puntkomma's (wordt herkend), met een kopregel:
  pc4           vier cijfers, bijvoorbeeld 3011 (of een kolom postcode: de eerste vier cijfers
                tellen, regels met dezelfde PC4 worden gemiddeld)
  latitude      breedtegraad in graden (WGS84), bijvoorbeeld 51.9203
  longitude     lengtegraad in graden (WGS84), bijvoorbeeld 4.4870
  place         woonplaats (mag leeg)
  municipality  gemeente (mag leeg)
Ook herkend: lat, lon, lng, plaats, woonplaats, city, gemeente, postcode4. In een bestand met
puntkomma's mag een decimale komma (51,9203). Zonder kopregel geldt de volgorde hierboven.

Regels met een ongeldige PC4, een ontbrekende waarde of coördinaten buiten Nederland worden
overgeslagen en met hun regelnummer gemeld.`;

export type CommandIo = { out: (line: string) => void; err: (text: string) => void; isTty: boolean };

const defaultIo: CommandIo = {
  out: (line) => console.log(line),
  err: (text) => process.stderr.write(text),
  isTty: Boolean(process.stderr.isTTY),
};

/** The most rejected rows listed one by one; the rest are counted. */
const listedRejections = 100;

function progressReporter(io: CommandIo): (progress: PostcodeImportProgress) => void {
  let lastShare = -1;
  return (progress) => {
    if (progress.phase === 'read') {
      if (io.isTty) io.err(`\rGelezen: ${progress.rows} regels`);
      return;
    }
    const share = progress.total === 0 ? 1 : progress.done / progress.total;
    if (io.isTty) {
      const width = 30;
      const filled = Math.round(share * width);
      io.err(`\rOpslaan [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${progress.done}/${progress.total}`);
      if (progress.done === progress.total) io.err('\n');
    } else if (Math.floor(share * 10) > lastShare) {
      lastShare = Math.floor(share * 10);
      io.err(`Opslaan: ${progress.done}/${progress.total}\n`);
    }
  };
}

const lines = (n: number) => `${n} ${n === 1 ? 'regel' : 'regels'}`;

/** The report of an import, in Dutch, one line per string. */
export function formatPostcodeReport(file: string, report: PostcodeImportReport): string[] {
  const out = [
    `Postcodes uit ${file}: ${lines(report.rows)}, ${report.areas} PC4-${report.areas === 1 ? 'gebied' : 'gebieden'}` +
      (report.merged > 0 ? ` (${lines(report.merged)} samengevoegd met een eerdere regel van dezelfde PC4)` : '') +
      '.',
    `  nieuw: ${report.inserted}, bijgewerkt: ${report.updated}, ongewijzigd: ${report.unchanged}, afgewezen regels: ${report.rejected.length}`,
  ];
  if (report.rejected.length > 0) {
    out.push('Afgewezen regels:');
    for (const rejection of report.rejected.slice(0, listedRejections)) out.push(`  regel ${rejection.line}: ${rejection.reason}`);
    if (report.rejected.length > listedRejections) out.push(`  … en nog ${lines(report.rejected.length - listedRejections)}.`);
  }
  return out;
}

/** Runs `werkregie import postcodes <csv>`; returns the exit code. */
export async function runPostcodeImport(db: Db, args: readonly string[], io: CommandIo = defaultIo): Promise<number> {
  const file = args[0];
  if (!file || file === '--help' || file === '-h' || args.length > 1) {
    (file === '--help' || file === '-h' ? io.out : io.err)(postcodeImportHelp + '\n');
    return file === '--help' || file === '-h' ? 0 : 2;
  }
  if (!existsSync(file)) {
    io.err(`Bestand niet gevonden: ${file}\n`);
    return 1;
  }
  const started = performance.now();
  try {
    const report = await importPostcodesFile(db, file, { onProgress: progressReporter(io) });
    if (io.isTty) io.err('\n');
    for (const line of formatPostcodeReport(basename(file), report)) io.out(line);
    io.out(`Klaar in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    return report.areas === 0 && report.rows > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof PostcodeImportError) {
      io.err(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
