/**
 * A workspace folder as one input set, the way `k8s-lint .` run in it sees it: its config file
 * (the nearest upwards, or the one the settings name), `.k8s-lintignore` and the config's
 * `ignore`, the manifests discovery finds under it. Open documents are linted from the
 * editor's text, the others from disk; each file's parse is kept until its text changes.
 */
import { dirname, resolve, sep } from "node:path";
import { findConfig, loadConfig } from "../config/load.js";
import type { Config } from "../config/schema.js";
import { discover, type DiscoveredFile, displayPath } from "../engine/discover.js";
import type { LoadedFile } from "../engine/load.js";
import { targetRelease } from "../models/catalogue/releases.js";
import type { Diagnostic, LintResult } from "../types.js";
import { lintLoaded, loadFromDisk, loadText, type WorkspaceLintOptions } from "./lint-run.js";

/** The editor settings the server honours (`k8s-lint.*` in VS Code). */
export interface ServerSettings {
  /** Config file, absolute or relative to the workspace folder (`--config`). */
  configPath?: string;
  /** Target Kubernetes release (`--kubernetes-version`). */
  kubernetesVersion?: string;
  /** Presets (`--preset`), comma-separated, for the k8s-lint releases that have presets. */
  preset?: string;
  /** `open` (default): findings of the open documents; `workspace`: of every manifest of the folders. */
  diagnostics?: "open" | "workspace";
}

/** A file's last lint: the text it was linted with (BOM-less) and its findings. */
export interface LintedFile {
  text: string;
  diagnostics: Diagnostic[];
}

interface CachedParse {
  /** The editor's text it was parsed from; undefined when read from disk. */
  editorText?: string;
  loaded: LoadedFile;
}

export class Project {
  private files: DiscoveredFile[] | undefined;
  private memberSet = new Set<string>();
  private readonly parses = new Map<string, CachedParse>();
  /** The last lint of each member, by absolute path. */
  readonly linted = new Map<string, LintedFile>();
  config: Config | undefined;
  configPath: string | undefined;
  /** Why the config file was not applied ("file:line:col: message" lines), if it was not. */
  configProblem: string | undefined;
  /** Why a setting was not applied. */
  settingProblems: string[] = [];
  private configLoaded = false;
  /** Set while a lint runs; `again` asks for one more when it ends. */
  running = false;
  again = false;

  constructor(
    readonly root: string,
    private settings: ServerSettings,
    /** A document outside every workspace folder is linted alone. */
    readonly only?: string,
  ) {}

  contains(absolute: string): boolean {
    if (this.only) return absolute === this.only;
    return absolute === this.root || absolute.startsWith(this.root.endsWith(sep) ? this.root : this.root + sep);
  }

  isMember(absolute: string): boolean {
    return this.memberSet.has(absolute);
  }

  members(): readonly DiscoveredFile[] {
    return this.files ?? [];
  }

  /** Settings or the config file changed: read the config again, discover again. */
  reconfigure(settings?: ServerSettings): void {
    if (settings) this.settings = settings;
    this.configLoaded = false;
    this.files = undefined;
  }

  /** Files were created or deleted: discover again before the next lint. */
  rediscover(): void {
    this.files = undefined;
  }

  private readonly askedFor = new Set<string>();

  /** A document of the folder that is not a member was opened: discover again, once per path (it may be new). */
  rediscoverFor(absolute: string): void {
    if (this.askedFor.has(absolute)) return;
    this.askedFor.add(absolute);
    this.files = undefined;
  }

  /** A file changed on disk: read it again (unless the editor holds it). */
  invalidate(absolute: string): void {
    const cached = this.parses.get(absolute);
    if (cached && cached.editorText === undefined) this.parses.delete(absolute);
  }

  private loadConfigFile(): void {
    if (this.configLoaded) return;
    this.configLoaded = true;
    const asked = this.settings.configPath?.trim();
    const path = asked ? resolve(this.root, asked) : findConfig(this.only ? dirname(this.only) : this.root);
    this.configProblem = undefined;
    try {
      const config = path ? loadConfig(path) : undefined;
      this.config = config;
      this.configPath = path;
    } catch (err) {
      // The last good config stays: a half-typed edit of it must not flood the workspace.
      this.configPath = path;
      this.configProblem = (err as Error).message;
    }
  }

  /** The lint options the settings and the config give, as the CLI derives them from its flags. */
  options(): WorkspaceLintOptions {
    this.loadConfigFile();
    this.settingProblems = [];
    let kubernetesVersion: string | undefined;
    const asked = this.settings.kubernetesVersion?.trim();
    if (asked) {
      const target = targetRelease(asked);
      if ("error" in target) this.settingProblems.push(`kubernetesVersion ${target.error}`);
      else {
        kubernetesVersion = target.release;
        if (target.warning) this.settingProblems.push(target.warning);
      }
    }
    // `--preset` may be repeated: the setting takes a comma-separated list.
    const presets = (this.settings.preset ?? "").split(",").map((p) => p.trim()).filter(Boolean);
    return { config: this.config, kubernetesVersion, ...(presets.length ? { presets } : {}) };
  }

  private async discoverFiles(): Promise<DiscoveredFile[]> {
    if (this.files) return this.files;
    this.loadConfigFile();
    if (this.only) {
      this.files = [{ absolute: this.only, display: displayPath(this.only, this.root) }];
    } else {
      const configDir = this.configPath ? dirname(this.configPath) : this.root;
      this.files = await discover([this.root], { cwd: this.root, configIgnore: { base: configDir, patterns: this.config?.ignore ?? [] }, allowUnmatched: true });
    }
    this.memberSet = new Set(this.files.map((f) => f.absolute));
    for (const abs of [...this.parses.keys()]) if (!this.memberSet.has(abs)) this.parses.delete(abs);
    for (const abs of [...this.linted.keys()]) if (!this.memberSet.has(abs)) this.linted.delete(abs);
    return this.files;
  }

  /** Lints every member; `editorText` gives the text of the files open in the editor. */
  async lint(editorText: (absolute: string) => string | undefined): Promise<LintResult> {
    const files = await this.discoverFiles();
    const options = this.options();
    const loaded: LoadedFile[] = [];
    for (const file of files) {
      const text = editorText(file.absolute);
      const cached = this.parses.get(file.absolute);
      if (cached && cached.editorText === text) {
        loaded.push(cached.loaded);
        continue;
      }
      let parse: LoadedFile;
      try {
        parse = text === undefined ? loadFromDisk(file) : loadText(file, text);
      } catch (err) {
        // Unreadable now (deleted between the event and the lint): a finding like a binary file's.
        parse = { file, source: { problem: `cannot read the file: ${(err as Error).message}`, line: 1, column: 1 }, docs: [] };
      }
      this.parses.set(file.absolute, { editorText: text, loaded: parse });
      loaded.push(parse);
    }
    const result = await lintLoaded(loaded, options);
    result.files.forEach((f, i) => {
      const source = loaded[i].source;
      this.linted.set(loaded[i].file.absolute, { text: "text" in source ? source.text : "", diagnostics: f.diagnostics });
    });
    return result;
  }
}
