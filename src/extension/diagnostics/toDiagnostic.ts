/** Engine findings as VS Code diagnostics, ESLint-style: source, rule id linked to its docs. */
import * as vscode from 'vscode';
import type { Finding, Severity } from '../../core/engine/types';

export const DIAGNOSTIC_SOURCE = 'identity-verification';

/** The finding behind each diagnostic, for the code actions; weak so old ones are collected. */
export type FindingStore = WeakMap<vscode.Diagnostic, Finding>;

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** One finding as a diagnostic whose code links to the rule's documentation. */
export function toDiagnostic(finding: Finding, docs: vscode.Uri): vscode.Diagnostic {
  const { start, end } = finding.range;
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(start.line, start.column, end.line, end.column),
    finding.message,
    SEVERITY[finding.severity],
  );
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.ruleId, target: docs };
  return diagnostic;
}

/** The rule id of one of our diagnostics, or undefined for anyone else's. */
export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : typeof code === 'string' ? code : undefined;
}
