import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { pickFormRow, type Finding, type FormHeader, type FormRow, type ReferenceSearchResult } from '@zhengji/domain';
import { ApiError, errorMessage } from '../../lib/api.ts';
import { checkEligibility, saveForm, type FormView } from './form.api.ts';
import { inputFindingsOf, mergeFindings, savableRow, type EditorFinding } from './input-findings.ts';

/** A row in the editor: the ten fields plus a stable key and the choices the reference search offered. */
export interface EditorRow extends FormRow {
  key: string;
  jobTypeOptions: readonly string[];
  standardOptions: readonly { name: string; version: string | null }[];
  /** 预计评价人次 as typed, when it was typed here (the number saved is read from it, never clamped or rounded). */
  expectedText?: string;
}

/** The autosave state shown beside the title. */
export type SaveStatus = 'saved' | 'dirty' | 'saving' | 'error';

const AUTOSAVE_MS = 1200;
const CHECK_MS = 300;
let keySeq = 0;
const newKey = () => `r${String(++keySeq)}`;

/** The ten fields of an editor row, as the API takes them (text beyond the limits cut, which the row's findings say). */
export function toFormRow(r: EditorRow): FormRow {
  return savableRow(pickFormRow(r));
}

/** An empty row. */
export function emptyRow(): EditorRow {
  return {
    key: newKey(),
    occupationCode: '',
    occupationName: '',
    jobTypeName: '',
    standardName: '',
    standardVersion: '',
    inShortageCatalog: null,
    industries: [],
    expectedAssessments: null,
    reason: '',
    jobTypeOptions: [],
    standardOptions: [],
  };
}

/** A row filled from a reference search result: 职业, 工种 choices, the standard and the shortage flag. */
export function rowFromSearch(hit: ReferenceSearchResult, keep?: EditorRow): EditorRow {
  const jobType = hit.matchedJobType ?? '';
  const specific = hit.standards.filter((s) => jobType !== '' && s.jobTypesCovered.includes(jobType));
  const whole = hit.standards.filter((s) => s.jobTypesCovered.length === 0);
  const standard = specific[0] ?? whole[0] ?? hit.standards[0];
  return {
    ...(keep ?? emptyRow()),
    occupationCode: hit.code,
    occupationName: hit.name,
    jobTypeName: jobType,
    standardName: standard?.standardName ?? '',
    standardVersion: standard?.version ?? '',
    inShortageCatalog: hit.flags.inShortageCatalog,
    jobTypeOptions: hit.jobTypes,
    standardOptions: hit.standards.map((s) => ({ name: s.standardName, version: s.version })),
  };
}

const fromView = (form: FormView): EditorRow[] =>
  form.rows.map(({ id: _id, priority: _p, findings: _f, ...r }) => ({ ...r, key: newKey(), jobTypeOptions: [], standardOptions: [] }));

/**
 * The editor's local state: header and rows as typed, autosaved (debounced) with the version they started from,
 * checked live against the eligibility rules (debounced), and a stale save (409) surfaced without losing the text.
 */
export function useFormEditor(form: FormView | undefined, editable: boolean) {
  const [header, setHeaderState] = useState<FormHeader>({ contactName: '', contactPhone: '', fillDate: null });
  const [rows, setRowsState] = useState<EditorRow[]>([]);
  const [findings, setFindings] = useState<Finding[][]>([]);
  // Why the saved content cannot be submitted yet, as the last save (or the loaded view) said.
  const [submitBlockers, setSubmitBlockers] = useState<string[]>([]);
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [saveError, setSaveError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const latest = useRef({ header, rows });
  const version = useRef(0);
  const changes = useRef(0);
  const saved = useRef(0);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const loadedId = useRef<string | null>(null);

  /** Replaces the local state with a form answered by the server (first load, reload, after a command). */
  const reset = useCallback((view: FormView) => {
    const next = { header: view.header, rows: fromView(view) };
    latest.current = next;
    version.current = view.version;
    saved.current = changes.current;
    loadedId.current = view.id;
    setHeaderState(next.header);
    setRowsState(next.rows);
    setFindings(view.rows.map((r) => r.findings));
    setSubmitBlockers(view.submitBlockers);
    setStatus('saved');
    setSaveError(null);
    setStale(false);
  }, []);

  useEffect(() => {
    if (form && loadedId.current !== form.id) reset(form);
  }, [form, reset]);

  const save = useCallback(async (): Promise<void> => {
    if (!form || stale) return;
    if (inFlight.current) await inFlight.current;
    if (saved.current === changes.current) return;
    const seq = changes.current;
    const snapshot = latest.current;
    setStatus('saving');
    const run = (async () => {
      try {
        const result = await saveForm(form.id, { version: version.current, header: snapshot.header, rows: snapshot.rows.map(toFormRow) });
        version.current = result.version;
        saved.current = seq;
        setSavedAt(new Date());
        setSaveError(null);
        if (seq === changes.current) {
          setFindings(result.rows.map((r) => r.findings));
          setSubmitBlockers(result.submitBlockers);
          setStatus('saved');
        } else setStatus('dirty');
      } catch (e) {
        if (e instanceof ApiError && e.code === 'STALE_VERSION') setStale(true);
        setSaveError(errorMessage(e));
        setStatus('error');
        throw e;
      } finally {
        inFlight.current = null;
      }
    })();
    inFlight.current = run.catch(() => undefined);
    return run;
  }, [form, stale]);

  const touch = useCallback(() => {
    changes.current += 1;
    setStatus('dirty');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save().catch(() => undefined), AUTOSAVE_MS);
  }, [save]);

  const setHeader = useCallback(
    (patch: Partial<FormHeader>) => {
      latest.current = { ...latest.current, header: { ...latest.current.header, ...patch } };
      setHeaderState(latest.current.header);
      touch();
    },
    [touch],
  );

  const setRows = useCallback(
    (update: (rows: EditorRow[]) => EditorRow[]) => {
      latest.current = { ...latest.current, rows: update(latest.current.rows) };
      setRowsState(latest.current.rows);
      touch();
    },
    [touch],
  );

  /** Saves now (before submitting); rejects when the save fails. */
  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    await save();
    if (inFlight.current) await inFlight.current;
  }, [save]);

  useEffect(() => {
    if (!form || !editable) return;
    const controller = new AbortController();
    const t = setTimeout(() => {
      checkEligibility(form.campaign.id, rows.map(toFormRow), controller.signal)
        .then((res) => setFindings(res.rows.map((r) => r.findings)))
        .catch(() => undefined);
    }, CHECK_MS);
    return () => {
      clearTimeout(t);
      controller.abort();
    };
  }, [rows, form, editable]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  // Each row's findings: the rules' and the editor's own; a row whose inputs and rule findings did not change keeps
  // the same array, so that its (memoized) fields do not render again while another row is typed in.
  const cache = useRef(new WeakMap<EditorRow, { rules: readonly Finding[] | undefined; merged: EditorFinding[] }>());
  const shown = useMemo(
    () =>
      rows.map((r, i) => {
        const rules = findings[i];
        const hit = cache.current.get(r);
        if (hit && hit.rules === rules) return hit.merged;
        const merged = mergeFindings(rules ?? [], inputFindingsOf(r));
        cache.current.set(r, { rules, merged });
        return merged;
      }),
    [rows, findings],
  );

  const dirty = status === 'dirty' || status === 'saving' || (status === 'error' && saved.current !== changes.current);
  return { header, rows, findings: shown, submitBlockers, status, saveError, stale, savedAt, dirty, version, setHeader, setRows, reset, flush };
}
