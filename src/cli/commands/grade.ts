import { formatGrade, parseGrade } from '../../analysis/reliability.js';
import { invalidInput, notFound, usageError } from '../../domain/errors.js';
import type { GradeTarget } from '../../store/store.js';
import { parseCommandArgs } from '../args.js';
import { print, printJson, withStore } from '../context.js';
import type { Command } from '../main.js';

export const command: Command = {
  summary: 'grade a document or a claim holder with the Admiralty code',
  usage: `Usage: dyad grade GRADE (--doc ID | --holder HOLDER)
       dyad grade --clear (--doc ID | --holder HOLDER)
       dyad grade --list [--json]

GRADE is the Admiralty code: source reliability A (completely reliable) … F (cannot be judged), then
information credibility 1 (confirmed) … 6 (cannot be judged), e.g. B2. A document's grade travels with
every claim and figure from it; a holder's grade (an actor id such as USA, a person's name, or
'unnamed') with every claim it holds and every figure inside those claims, and wins over the document's.
Graded claims and figures carry 'grade' and 'gradeBasis' in show, export and the API.`,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, {
      doc: { type: 'string' },
      holder: { type: 'string' },
      clear: { type: 'boolean' },
      list: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    return withStore(ctx, async (store) => {
      if (values.list) {
        const grades = await store.grades();
        if (ctx.json || values.json) printJson(ctx, grades);
        else {
          for (const [id, g] of Object.entries(grades.byDocument ?? {}))
            print(ctx, `document ${id}  ${formatGrade(g)}`);
          for (const [id, g] of Object.entries(grades.byHolder ?? {}))
            print(ctx, `holder   ${id}  ${formatGrade(g)}`);
        }
        return 0;
      }
      if (Boolean(values.doc) === Boolean(values.holder))
        throw usageError('give exactly one of --doc ID or --holder HOLDER');
      let target: GradeTarget;
      if (values.doc) {
        const document = await store.getDocument(values.doc);
        if (!document) throw notFound(`no document '${values.doc}'`);
        target = { kind: 'document', id: document.id };
      } else target = { kind: 'holder', id: (values.holder ?? '').trim() };
      if (values.clear) {
        await store.setGrade(target, null);
        print(ctx, `cleared the grade of ${target.kind} ${target.id}`);
        return 0;
      }
      const [text] = positionals;
      if (!text) throw usageError('grade needs a GRADE such as B2');
      let grade: ReturnType<typeof parseGrade>;
      try {
        grade = parseGrade(text);
      } catch (error) {
        throw invalidInput(error instanceof Error ? error.message : String(error));
      }
      await store.setGrade(target, grade);
      print(ctx, `graded ${target.kind} ${target.id} ${formatGrade(grade)}`);
      return 0;
    });
  },
};
