/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fix scripts: a remediation rendered as dnscmd, PowerShell, nsupdate or BIND lines. Every
 * name and value goes through the same validation as the plan's exports before anything is
 * written, so nothing read from a zone file or a DNS answer reaches a shell unchecked. */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <lcsdns/export/remediation.h>
#include <lcsdns/model/name.h>

#include "export-private.h"

/* One operation ready to print: every text here has been validated. */
typedef struct {
  const LcsFixOp *op;
  char           *zone;     /* without the final dot */
  char           *node;     /* relative to the zone, "@" for the apex */
  char           *data;     /* presentation form, names absolute */
  char           *target;   /* SRV, CNAME, NS: absolute */
  char           *comment;  /* what it fixes: rule ids and names, shell-inert characters only */
} Line;

static void
line_free (Line *line)
{
  g_free (line->zone);
  g_free (line->node);
  g_free (line->data);
  g_free (line->target);
  g_free (line->comment);
  g_free (line);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Line, line_free)

/* Comments hold names from DNS data and file paths: only characters no shell gives a meaning
 * to inside a comment survive (no %, &, |, <, >, ^, quotes, $, backtick, controls). */
static char *
inert (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p;

  for (p = text; *p != '\0'; p++)
    g_string_append_c (out, g_ascii_isalnum (*p) || strchr (" ._-:/\\,()+=@[]", *p) ? *p : '?');
  return g_string_free (out, FALSE);
}

static char *
describe_findings (const LcsFixOp *op)
{
  g_autofree char *rules = lcs_fix_op_rules (op);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *text = NULL;
  guint i;

  if (op->findings->len == 0)
    text = g_strdup_printf ("makes %s as the plan says", op->record->owner);
  else
    {
      for (i = 0; i < op->findings->len; i++)
        {
          const LcsFinding *finding = g_ptr_array_index (op->findings, i);
          if (g_hash_table_add (seen, finding->name))
            g_string_append_printf (names, "%s%s", names->len ? ", " : "", finding->name);
        }
      text = g_strdup_printf ("fixes %s at %s", rules, names->str);
    }
  return inert (text);
}

static gboolean
prepare_data (Line            *line,
              const LcsRecord *record,
              gboolean         deleting,
              GError         **error)
{
  g_autoptr(GInetAddress) address = NULL;
  /* A deletion names the wrong record exactly as it is, so its target may be any owner name
   * (an underscore, the root "."); an addition creates only a host name target. */
  LcsNameKind kind = deleting ? LCS_NAME_OWNER : LCS_NAME_HOST;

  switch (record->type)
    {
    case LCS_TYPE_SRV:
    case LCS_TYPE_CNAME:
    case LCS_TYPE_NS:
      if (!lcs_export_check_name (record->target, kind, "target host name", record->owner,
                                  error))
        return FALSE;
      line->target = lcs_name_normalize (record->target);
      line->data = record->type == LCS_TYPE_SRV
                   ? g_strdup_printf ("%u %u %u %s", record->priority, record->weight,
                                      record->port, line->target)
                   : g_strdup (line->target);
      return TRUE;
    case LCS_TYPE_A:
    case LCS_TYPE_AAAA:
      if (record->address != NULL)
        address = g_inet_address_new_from_string (record->address);
      if (address == NULL ||
          (g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV6) !=
          (record->type == LCS_TYPE_AAAA))
        {
          g_autofree char *shown = g_strescape (record->address ? record->address : "", NULL);
          g_set_error (error, LCS_EXPORT_ERROR, LCS_EXPORT_ERROR_INVALID_NAME,
                       "Nothing exported: \"%s\" is not a valid %s address", shown,
                       lcs_type_to_string (record->type));
          return FALSE;
        }
      line->data = g_inet_address_to_string (address);
      return TRUE;
    default:
      g_set_error (error, LCS_EXPORT_ERROR, LCS_EXPORT_ERROR_INVALID_NAME,
                   "Nothing exported: a fix script handles SRV, A, AAAA, CNAME and NS records, "
                   "not %s", lcs_type_to_string (record->type));
      return FALSE;
    }
}

static Line *
prepare_line (const LcsFixOp *op,
              GError        **error)
{
  g_autoptr(Line) line = g_new0 (Line, 1);
  const LcsRecord *record = op->record;
  g_autofree char *zone = NULL;

  line->op = op;
  if (!lcs_export_check_name (record->owner, LCS_NAME_OWNER, "owner name", NULL, error) ||
      !lcs_export_check_name (op->zone, LCS_NAME_OWNER, "zone name", record->owner, error))
    return NULL;
  zone = lcs_name_normalize (op->zone);
  line->node = lcs_name_relative (record->owner, zone);
  if (line->node == NULL)
    {
      g_set_error (error, LCS_EXPORT_ERROR, LCS_EXPORT_ERROR_INVALID_NAME,
                   "Nothing exported: %s is not in zone %s", record->owner, zone);
      return NULL;
    }
  line->zone = lcs_name_bare (zone);
  if (!prepare_data (line, record, op->action == LCS_FIX_DELETE, error))
    return NULL;
  line->comment = describe_findings (op);
  return g_steal_pointer (&line);
}

static void
append_header (GString              *out,
               const char           *mark,
               const LcsRemediation *fix,
               guint                 count)
{
  g_autofree char *when = g_date_time_format (fix->made, "%Y-%m-%d %H:%M:%S UTC");
  g_autoptr(GString) sources = g_string_new (NULL);
  g_autofree char *shown = NULL;
  guint i;

  for (i = 0; i < fix->sources->len; i++)
    g_string_append_printf (sources, "%s%s", i ? ", " : "",
                            (char *) g_ptr_array_index (fix->sources, i));
  if (sources->len == 0)
    g_string_append (sources, fix->kind == LCS_SOURCE_LIVE ? "the system resolver" : "the plan");
  shown = inert (sources->str);
  g_string_append_printf (out, "%s %s %s fix script, made %s\n", mark, LCS_TOOL_NAME,
                          LCS_VERSION, when);
  g_string_append_printf (out, "%s from %s: %s\n", mark,
                          fix->kind == LCS_SOURCE_LIVE ? "servers"
                          : fix->kind == LCS_SOURCE_ZONE ? "zone files" : "the plan",
                          shown);
  if (count == 0)
    g_string_append_printf (out, "%s nothing to do: the DNS already holds what the plan says\n",
                            mark);
  else
    g_string_append_printf (out, "%s %u operations: each wrong record is deleted by its exact "
                            "data, then the right one added\n", mark, count);
}

/* dnscmd: one command per operation against the server given as the first argument. */
static void
append_dnscmd_op (GString    *out,
                  const Line *line)
{
  const LcsRecord *record = line->op->record;
  gboolean deleting = line->op->action == LCS_FIX_DELETE;

  g_string_append_printf (out, "REM %s\n", line->comment);
  g_string_append_printf (out, "dnscmd %%%s%% %s %s %s %s %s%s\n",
                          line->op->view == LCS_VIEW_EXTERNAL ? "EXTERNAL" : "SERVER",
                          deleting ? "/RecordDelete" : "/RecordAdd", line->zone, line->node,
                          lcs_type_to_string (record->type), line->data, deleting ? " /f" : "");
}

static const char *
powershell_type (guint16 type)
{
  switch (type)
    {
    case LCS_TYPE_SRV:
      return "Srv";
    case LCS_TYPE_CNAME:
      return "CName";
    case LCS_TYPE_NS:
      return "NS";
    default:
      return lcs_type_to_string (type);
    }
}

/* Internal and external DNS are different servers with zones of the same name. */
static const char *
powershell_server (const Line *line)
{
  return line->op->view == LCS_VIEW_EXTERNAL ? "$ExternalComputerName" : "$ComputerName";
}

/* "    <cmdlet> -ComputerName <server of the view> -ZoneName <zone> -Name <node> <switch> <value>" */
static void
append_powershell_cmdlet (GString    *out,
                          const Line *line,
                          const char *cmdlet,
                          const char *data_switch,
                          const char *value)
{
  g_string_append_printf (out, "    %s -ComputerName %s -ZoneName ", cmdlet,
                          powershell_server (line));
  lcs_export_append_powershell_value (out, line->zone);
  g_string_append (out, " -Name ");
  lcs_export_append_powershell_value (out, line->node);
  g_string_append_printf (out, " %s ", data_switch);
  lcs_export_append_powershell_value (out, value);
}

static void
append_powershell_add (GString    *out,
                       const Line *line)
{
  const LcsRecord *record = line->op->record;

  switch (record->type)
    {
    case LCS_TYPE_SRV:
      {
        g_autofree char *target = lcs_name_bare (line->target);

        append_powershell_cmdlet (out, line, "Add-DnsServerResourceRecord -Srv", "-DomainName",
                                  target);
        g_string_append_printf (out, " -Priority %u -Weight %u -Port %u", record->priority,
                                record->weight, record->port);
      }
      break;
    /* A target written again with its final dot (srv-target-relative) is added back. */
    case LCS_TYPE_CNAME:
      append_powershell_cmdlet (out, line, "Add-DnsServerResourceRecordCName", "-HostNameAlias",
                                line->target);
      break;
    case LCS_TYPE_NS:
      append_powershell_cmdlet (out, line, "Add-DnsServerResourceRecord -NS", "-NameServer",
                                line->target);
      break;
    default:
      append_powershell_cmdlet (out, line, record->type == LCS_TYPE_A
                                           ? "Add-DnsServerResourceRecordA"
                                           : "Add-DnsServerResourceRecordAAAA",
                                record->type == LCS_TYPE_A ? "-IPv4Address" : "-IPv6Address",
                                line->data);
      break;
    }
  g_string_append_c (out, '\n');
}

/* Each operation under ShouldProcess, so -WhatIf shows it and does nothing. */
static void
append_powershell_op (GString    *out,
                      const Line *line)
{
  const LcsRecord *record = line->op->record;
  gboolean deleting = line->op->action == LCS_FIX_DELETE;
  g_autofree char *what = g_strdup_printf ("%s %s %s", record->owner,
                                           lcs_type_to_string (record->type), line->data);

  g_string_append_printf (out, "# %s\n", line->comment);
  g_string_append (out, line->op->view == LCS_VIEW_EXTERNAL
                        ? "if ($ExternalComputerName -and $PSCmdlet.ShouldProcess("
                        : "if ($PSCmdlet.ShouldProcess(");
  lcs_export_append_powershell_value (out, what);
  g_string_append_printf (out, ", '%s')) {\n", deleting ? "Delete record" : "Add record");
  if (deleting)
    {
      g_string_append_printf (out, "    Remove-DnsServerResourceRecord -ComputerName %s"
                              " -ZoneName ", powershell_server (line));
      lcs_export_append_powershell_value (out, line->zone);
      g_string_append (out, " -Name ");
      lcs_export_append_powershell_value (out, line->node);
      g_string_append_printf (out, " -RRType %s -RecordData ", powershell_type (record->type));
      lcs_export_append_powershell_value (out, line->data);
      g_string_append (out, " -Force\n");
    }
  else
    append_powershell_add (out, line);
  g_string_append_printf (out, "    Write-Output ");
  {
    g_autofree char *done = g_strdup_printf ("%s %s", deleting ? "deleted" : "added", what);
    lcs_export_append_powershell_value (out, done);
  }
  g_string_append (out, "\n}\n");
}

/* @held: the operation is shown as a comment (an external one in a script of both views, which
 * is sent to one server). */
static void
append_nsupdate_op (GString    *out,
                    const Line *line,
                    gboolean    held)
{
  const LcsRecord *record = line->op->record;
  const char *mark = held ? "; " : "";

  g_string_append_printf (out, "; %s\n", line->comment);
  if (line->op->action == LCS_FIX_DELETE)
    g_string_append_printf (out, "%supdate delete %s IN %s %s\n", mark, record->owner,
                            lcs_type_to_string (record->type), line->data);
  else
    g_string_append_printf (out, "%supdate add %s %u IN %s %s\n", mark, record->owner,
                            record->ttl, lcs_type_to_string (record->type), line->data);
}

static void
append_bind_op (GString    *out,
                const Line *line)
{
  const LcsRecord *record = line->op->record;

  g_string_append_printf (out, "; %s\n", line->comment);
  g_string_append_printf (out, "%s%s %u IN %s %s\n",
                          line->op->action == LCS_FIX_DELETE ? "; delete: " : "",
                          record->owner, record->ttl, lcs_type_to_string (record->type),
                          line->data);
}

static const char *
comment_mark (LcsFormat format)
{
  switch (format)
    {
    case LCS_FORMAT_DNSCMD:
      return "REM";
    case LCS_FORMAT_POWERSHELL:
      return "#";
    default:
      return ";";
    }
}

static void
append_prologue (GString   *out,
                 LcsFormat  format)
{
  if (format == LCS_FORMAT_DNSCMD)
    g_string_append (out, "@echo off\n"
                          "REM usage: this-file.cmd [internal DNS server] [external DNS server]\n"
                          "REM the internal one defaults to this computer; without an external one\n"
                          "REM the external operations are skipped (the views hold zones of one name)\n"
                          "setlocal\n"
                          "set \"SERVER=%~1\"\n"
                          "if \"%SERVER%\"==\"\" set \"SERVER=.\"\n"
                          "set \"EXTERNAL=%~2\"\n");
  else if (format == LCS_FORMAT_POWERSHELL)
    g_string_append (out, "[CmdletBinding(SupportsShouldProcess)]\n"
                          "param(\n"
                          "    # the internal DNS server\n"
                          "    [string] $ComputerName = $env:COMPUTERNAME,\n"
                          "    # the external DNS server; without it the external operations are "
                          "skipped\n"
                          "    [string] $ExternalComputerName\n"
                          ")\n"
                          "$ErrorActionPreference = 'Stop'\n");
  else if (format == LCS_FORMAT_BIND)
    g_string_append (out, "; lines marked \"delete:\" come out of the zone file, the others go "
                          "in; then reload the zone\n");
}

/* An nsupdate script of both views goes to one server: the external operations stay comments. */
static gboolean
is_held (const LcsRemediation *fix,
         LcsFormat             format,
         const Line           *line)
{
  return format == LCS_FORMAT_NSUPDATE && line->op->view == LCS_VIEW_EXTERNAL &&
         fix->view_only != LCS_VIEW_EXTERNAL;
}

/* A new view, or a new zone within it: nsupdate sends one update message per zone. */
static void
append_section (GString              *out,
                const LcsRemediation *fix,
                LcsFormat             format,
                const Line           *line,
                const Line           *previous)
{
  const char *mark = comment_mark (format);
  gboolean new_view = previous == NULL || previous->op->view != line->op->view;
  gboolean new_zone = new_view || strcmp (previous->zone, line->zone) != 0;
  gboolean held = is_held (fix, format, line);

  if (format == LCS_FORMAT_NSUPDATE && previous != NULL && new_zone &&
      !is_held (fix, format, previous))
    g_string_append (out, "send\n");
  if (new_view)
    g_string_append_printf (out, "%s %s DNS\n", mark, lcs_view_to_string (line->op->view));
  if (new_view && held)
    g_string_append (out, "; not sent: the external DNS is another server. Run lcsdns-check "
                          "--fix-only=external and send that to it\n");
  if (new_view && format == LCS_FORMAT_DNSCMD && line->op->view == LCS_VIEW_EXTERNAL)
    g_string_append (out, "if \"%EXTERNAL%\"==\"\" goto :eof\n");
  if (new_zone && format == LCS_FORMAT_NSUPDATE)
    g_string_append_printf (out, "%szone %s.\n", held ? "; " : "", line->zone);
  else if (new_zone)
    g_string_append_printf (out, "%s zone %s\n", mark, line->zone);
}

gboolean
lcs_format_is_fix_script (LcsFormat format)
{
  return format == LCS_FORMAT_DNSCMD || format == LCS_FORMAT_POWERSHELL ||
         format == LCS_FORMAT_NSUPDATE || format == LCS_FORMAT_BIND;
}

static char *
crlf (GString *text)
{
  g_autofree char *lf = g_string_free (text, FALSE);
  g_auto(GStrv) lines = g_strsplit (lf, "\n", -1);

  return g_strjoinv ("\r\n", lines);
}

char *
lcs_export_remediation (const LcsRemediation *fix,
                        LcsFormat             format,
                        GError              **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  GString *out;
  const Line *previous = NULL;
  guint i;

  g_return_val_if_fail (fix != NULL, NULL);
  g_return_val_if_fail (lcs_format_is_fix_script (format), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (i = 0; i < fix->ops->len; i++)
    {
      const LcsFixOp *op = g_ptr_array_index (fix->ops, i);
      Line *line;

      if (!op->enabled)
        continue;
      line = prepare_line (op, error);
      if (line == NULL)
        return NULL;
      g_ptr_array_add (lines, line);
    }

  out = g_string_new (NULL);
  if (format == LCS_FORMAT_DNSCMD)
    append_prologue (out, format);
  append_header (out, comment_mark (format), fix, lines->len);
  if (format != LCS_FORMAT_DNSCMD)
    append_prologue (out, format);
  for (i = 0; i < lines->len; i++)
    {
      const Line *line = g_ptr_array_index (lines, i);

      append_section (out, fix, format, line, previous);
      if (format == LCS_FORMAT_DNSCMD)
        append_dnscmd_op (out, line);
      else if (format == LCS_FORMAT_POWERSHELL)
        append_powershell_op (out, line);
      else if (format == LCS_FORMAT_NSUPDATE)
        append_nsupdate_op (out, line, is_held (fix, format, line));
      else
        append_bind_op (out, line);
      previous = line;
    }
  if (format == LCS_FORMAT_NSUPDATE && previous != NULL && !is_held (fix, format, previous))
    g_string_append (out, "send\n");
  if (format == LCS_FORMAT_DNSCMD || format == LCS_FORMAT_POWERSHELL)
    return crlf (out);
  return g_string_free (out, FALSE);
}

/* After a check the nsupdate script is the remediation, which needs the observations
 * (lcs_export_remediation); a plan or an entry has none, and every record is an addition. */
char *
lcs_export_report_nsupdate (const LcsReport *report,
                            GError         **error)
{
  g_autoptr(LcsRemediation) fix = NULL;

  if (report->kind != LCS_SOURCE_PLAN && report->kind != LCS_SOURCE_ENTRY)
    {
      g_set_error_literal (error, LCS_EXPORT_ERROR, LCS_EXPORT_ERROR_INVALID_NAME,
                           "Nothing exported: an nsupdate fix script needs the check's "
                           "observations");
      return NULL;
    }
  fix = lcs_remediation_build (report, NULL, -1);
  return lcs_export_remediation (fix, LCS_FORMAT_NSUPDATE, error);
}
