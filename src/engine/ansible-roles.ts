/**
 * Files of an Ansible role's templates folder (`roles/<role>/templates/`, the role directory
 * structure of docs.ansible.com "Roles"): the sources of its `template` tasks, which Ansible
 * renders with Jinja2 before using them, whatever their extension (kubespray's
 * contrib/azurerm/roles/generate-templates/templates/*.json are Azure Resource Manager templates
 * with `{{ }}` and `{% if %}`). One with Jinja syntax is no manifest of the repository.
 */
import { sep } from "node:path";

/** Whether the file lies below a `templates` folder of a role: the folder's grandparent is named `roles`. */
export function inAnsibleRoleTemplates(absolute: string): boolean {
  const parts = absolute.split(sep);
  // parts: ..., "roles", <role>, "templates", ..., <file>
  for (let i = parts.length - 2; i >= 2; i--) if (parts[i] === "templates" && parts[i - 2] === "roles") return true;
  return false;
}

/** Jinja2's expression and statement delimiters. */
export const JINJA_SYNTAX = /\{\{|\{%/;
