/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Exports: dnscmd / PowerShell / BIND lines for planned records, and the report formats.
 * Every value is validated before anything is written, so a name that is not valid DNS can
 * never reach a command line the admin pastes into a shell. */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <lcsdns/export/export.h>
#include <lcsdns/model/name.h>

#include "export-private.h"

G_DEFINE_QUARK (lcs-export-error-quark, lcs_export_error)

static const struct {
  const char *name;
  LcsFormat   format;
} format_names[] = {
  { "text", LCS_FORMAT_TEXT },
  { "json", LCS_FORMAT_JSON },
  { "csv", LCS_FORMAT_CSV },
  { "dnscmd", LCS_FORMAT_DNSCMD },
  { "powershell", LCS_FORMAT_POWERSHELL },
  { "bind", LCS_FORMAT_BIND },
  { "html", LCS_FORMAT_HTML },
  { "nsupdate", LCS_FORMAT_NSUPDATE },
};

gboolean
lcs_format_from_string (const char *text,
                        LcsFormat  *format)
{
  gsize i;

  if (text == NULL)
    return FALSE;
  for (i = 0; i < G_N_ELEMENTS (format_names); i++)
    {
      if (g_ascii_strcasecmp (text, format_names[i].name) == 0)
        {
          if (format != NULL)
            *format = format_names[i].format;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
is_record_format (LcsFormat format)
{
  return format == LCS_FORMAT_DNSCMD || format == LCS_FORMAT_POWERSHELL || format == LCS_FORMAT_BIND;
}

/* The offending value goes into a one-line message: escape newlines, quotes and other controls. */
static void
set_invalid (GError    **error,
             const char *what,
             const char *value,
             const char *owner)
{
  g_autofree char *shown = g_strescape (value != NULL ? value : "", NULL);
  g_autofree char *shown_owner = g_strescape (owner != NULL ? owner : "", NULL);

  if (owner != NULL && g_strcmp0 (owner, value) != 0)
    g_set_error (error, LCS_EXPORT_ERROR, LCS_EXPORT_ERROR_INVALID_NAME,
                 "Nothing exported: \"%s\" is not a valid %s (record \"%s\")",
                 shown, what, shown_owner);
  else
    g_set_error (error, LCS_EXPORT_ERROR, LCS_EXPORT_ERROR_INVALID_NAME,
                 "Nothing exported: \"%s\" is not a valid %s", shown, what);
}

gboolean
lcs_export_check_name (const char  *value,
                       LcsNameKind  kind,
                       const char  *what,
                       const char  *owner,
                       GError     **error)
{
  if (value == NULL || *value == '\0' || !lcs_name_validate (value, kind, NULL))
    {
      set_invalid (error, what, value, owner);
      return FALSE;
    }
  return TRUE;
}

/* One record ready to print: every text here has been validated. */
typedef struct {
  LcsView  view;
  guint16  type;         /* SRV, A or AAAA */
  char    *owner;        /* absolute with final dot, lower case */
  char    *zone;         /* without final dot ("." for the root) */
  char    *node;         /* relative to zone, "@" for the apex */
  guint16  priority;
  guint16  weight;
  guint16  port;
  char    *target;       /* SRV: absolute with final dot */
  char    *address;      /* A / AAAA: canonical text */
} ExportRecord;

static void
export_record_free (ExportRecord *record)
{
  g_free (record->owner);
  g_free (record->zone);
  g_free (record->node);
  g_free (record->target);
  g_free (record->address);
  g_free (record);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportRecord, export_record_free)

gboolean
lcs_export_zone_and_node (const char  *owner,
                          const char  *domain,
                          char       **zone_out,
                          char       **node_out)
{
  g_autofree char *zone = NULL;
  char *node = NULL;

  if (domain != NULL && *domain != '\0')
    {
      zone = lcs_name_normalize (domain);
      node = lcs_name_relative (owner, zone);
    }
  if (node == NULL)
    {
      g_clear_pointer (&zone, g_free);
      zone = lcs_name_parent (owner);
      if (zone == NULL)
        return FALSE;
      node = lcs_name_relative (owner, zone);
    }
  *node_out = node;
  *zone_out = lcs_name_bare (zone);
  return TRUE;
}

static gboolean
place_in_zone (ExportRecord           *out,
               const LcsPlannedRecord *planned,
               GError                **error)
{
  if (!lcs_export_zone_and_node (out->owner, planned->domain, &out->zone, &out->node))
    {
      set_invalid (error, "record name (it has no parent zone)", planned->name, NULL);
      return FALSE;
    }
  return TRUE;
}

static gboolean
prepare_address (ExportRecord           *out,
                 const LcsPlannedRecord *planned,
                 GError                **error)
{
  g_autoptr(GInetAddress) address = NULL;

  if (planned->address != NULL)
    address = g_inet_address_new_from_string (planned->address);
  if (address == NULL)
    {
      set_invalid (error, "IP address", planned->address, planned->name);
      return FALSE;
    }
  out->type = g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV6 ? LCS_TYPE_AAAA
                                                                          : LCS_TYPE_A;
  out->address = g_inet_address_to_string (address);
  return TRUE;
}

static ExportRecord *
prepare_record (const LcsPlannedRecord *planned,
                GError                **error)
{
  g_autoptr(ExportRecord) out = g_new0 (ExportRecord, 1);

  if (!lcs_export_check_name (planned->name, LCS_NAME_OWNER, "owner name", NULL, error))
    return NULL;
  if (planned->domain != NULL && *planned->domain != '\0'
      && !lcs_export_check_name (planned->domain, LCS_NAME_OWNER, "zone name", planned->name, error))
    return NULL;

  out->view = planned->view;
  out->owner = lcs_name_normalize (planned->name);
  if (!place_in_zone (out, planned, error))
    return NULL;

  switch (planned->type)
    {
    case LCS_TYPE_SRV:
      if (!lcs_export_check_name (planned->target, LCS_NAME_HOST, "SRV target host name",
                       planned->name, error))
        return NULL;
      out->type = LCS_TYPE_SRV;
      out->priority = planned->priority;
      out->weight = planned->weight;
      out->port = planned->port;
      out->target = lcs_name_normalize (planned->target);
      break;
    case LCS_TYPE_A:
    case LCS_TYPE_AAAA:
      if (!lcs_export_check_name (planned->name, LCS_NAME_HOST, "host name", NULL, error)
          || !prepare_address (out, planned, error))
        return NULL;
      break;
    case LCS_TYPE_CNAME:
      if (!lcs_export_check_name (planned->target, LCS_NAME_HOST, "alias target host name",
                                  planned->name, error))
        return NULL;
      out->type = LCS_TYPE_CNAME;
      out->target = lcs_name_normalize (planned->target);
      break;
    default:
      set_invalid (error, "record type to export (only SRV, A, AAAA and CNAME)",
                   lcs_type_to_string (planned->type), planned->name);
      return NULL;
    }
  return g_steal_pointer (&out);
}

/* PowerShell parses a bare argument such as 1e5 or 0x10 as a number and '@' as syntax: quote
 * everything that is not plainly a word or a dotted IPv4 address. */
static gboolean
is_bare_powershell_word (const char *value)
{
  const char *p;

  if (g_hostname_is_ip_address (value) && strchr (value, ':') == NULL)
    return TRUE;
  if (!g_ascii_isalpha (value[0]) && value[0] != '_')
    return FALSE;
  for (p = value; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '_' && *p != '.' && *p != '-')
        return FALSE;
    }
  return TRUE;
}

void
lcs_export_append_powershell_value (GString    *out,
                                    const char *value)
{
  const char *p;

  if (is_bare_powershell_word (value))
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '\'');
  for (p = value; *p != '\0'; p++)
    {
      if (*p == '\'')
        g_string_append_c (out, '\'');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');
}

static void
append_dnscmd (GString            *out,
               const ExportRecord *record)
{
  g_string_append_printf (out, "dnscmd . /RecordAdd %s %s %s ",
                          record->zone, record->node, lcs_type_to_string (record->type));
  if (record->type == LCS_TYPE_SRV)
    g_string_append_printf (out, "%u %u %u %s\n",
                            record->priority, record->weight, record->port, record->target);
  else
    g_string_append_printf (out, "%s\n", record->type == LCS_TYPE_CNAME ? record->target
                                                                       : record->address);
}

static void
append_powershell (GString            *out,
                   const ExportRecord *record)
{
  g_autofree char *target = NULL;

  if (record->type == LCS_TYPE_SRV)
    g_string_append (out, "Add-DnsServerResourceRecord -Srv -ZoneName ");
  else if (record->type == LCS_TYPE_CNAME)
    g_string_append (out, "Add-DnsServerResourceRecordCName -ZoneName ");
  else if (record->type == LCS_TYPE_A)
    g_string_append (out, "Add-DnsServerResourceRecordA -ZoneName ");
  else
    g_string_append (out, "Add-DnsServerResourceRecordAAAA -ZoneName ");
  lcs_export_append_powershell_value (out, record->zone);
  g_string_append (out, " -Name ");
  lcs_export_append_powershell_value (out, record->node);

  if (record->type == LCS_TYPE_SRV)
    {
      target = lcs_name_bare (record->target);
      g_string_append (out, " -DomainName ");
      lcs_export_append_powershell_value (out, target);
      g_string_append_printf (out, " -Priority %u -Weight %u -Port %u\n",
                              record->priority, record->weight, record->port);
    }
  else if (record->type == LCS_TYPE_CNAME)
    {
      target = lcs_name_bare (record->target);
      g_string_append (out, " -HostNameAlias ");
      lcs_export_append_powershell_value (out, target);
      g_string_append_c (out, '\n');
    }
  else
    {
      g_string_append (out, record->type == LCS_TYPE_A ? " -IPv4Address " : " -IPv6Address ");
      lcs_export_append_powershell_value (out, record->address);
      g_string_append_c (out, '\n');
    }
}

static void
append_bind (GString            *out,
             const ExportRecord *record)
{
  g_string_append_printf (out, "%s %u IN %s ",
                          record->owner, LCS_WINDOWS_TTL, lcs_type_to_string (record->type));
  if (record->type == LCS_TYPE_SRV)
    g_string_append_printf (out, "%u %u %u %s\n",
                            record->priority, record->weight, record->port, record->target);
  else
    g_string_append_printf (out, "%s\n", record->type == LCS_TYPE_CNAME ? record->target
                                                                       : record->address);
}

/* Internal and external records go to different DNS servers: a comment line heads each view. */
static void
append_view_heading (GString   *out,
                     LcsFormat  format,
                     LcsView    view)
{
  const char *what = view == LCS_VIEW_INTERNAL ? "internal" : "external";

  if (format == LCS_FORMAT_DNSCMD)
    g_string_append_printf (out, "REM %s DNS\n", what);
  else if (format == LCS_FORMAT_POWERSHELL)
    g_string_append_printf (out, "# %s DNS\n", what);
  else
    g_string_append_printf (out, "; %s DNS\n", what);
}

static void
append_record (GString            *out,
               LcsFormat           format,
               const ExportRecord *record)
{
  if (format == LCS_FORMAT_DNSCMD)
    append_dnscmd (out, record);
  else if (format == LCS_FORMAT_POWERSHELL)
    append_powershell (out, record);
  else
    append_bind (out, record);
}

static void
append_view (GString   *out,
             LcsFormat  format,
             GPtrArray *prepared,
             LcsView    view)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean headed = FALSE;
  guint i;

  for (i = 0; i < prepared->len; i++)
    {
      const ExportRecord *record = g_ptr_array_index (prepared, i);
      g_autoptr(GString) line = NULL;

      if (record->view != view)
        continue;
      /* Two domains may share a host: its A record is created once. */
      line = g_string_new (NULL);
      append_record (line, format, record);
      if (g_hash_table_contains (seen, line->str))
        continue;
      if (!headed)
        append_view_heading (out, format, view);
      headed = TRUE;
      g_string_append (out, line->str);
      g_hash_table_add (seen, g_string_free (g_steal_pointer (&line), FALSE));
    }
}

char *
lcs_export_records (GPtrArray  *records,
                    LcsFormat   format,
                    GError    **error)
{
  g_autoptr(GPtrArray) prepared = NULL;
  GString *out;
  guint i;

  g_return_val_if_fail (records != NULL, NULL);
  g_return_val_if_fail (is_record_format (format), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  prepared = g_ptr_array_new_with_free_func ((GDestroyNotify) export_record_free);
  for (i = 0; i < records->len; i++)
    {
      ExportRecord *record = prepare_record (g_ptr_array_index (records, i), error);

      if (record == NULL)
        return NULL;
      g_ptr_array_add (prepared, record);
    }

  out = g_string_new (NULL);
  append_view (out, format, prepared, LCS_VIEW_INTERNAL);
  append_view (out, format, prepared, LCS_VIEW_EXTERNAL);
  return g_string_free (out, FALSE);
}

char *
lcs_export_record (const LcsRecord *record,
                   LcsView          view,
                   const char      *domain,
                   LcsFormat        format,
                   GError         **error)
{
  LcsPlannedRecord planned = {
    .view = view,
    .domain = (char *) domain,
    .name = record->owner,
    .type = record->type,
    .priority = record->priority,
    .weight = record->weight,
    .port = record->port,
    .target = record->target,
    .address = record->address,
  };
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_ptr_array_add (one, &planned);
  return lcs_export_records (one, format, error);
}

/* Shared by the report formats (export-private.h). */

const char *
lcs_export_source_kind (LcsSourceKind kind)
{
  switch (kind)
    {
    case LCS_SOURCE_PLAN:
      return "plan";
    case LCS_SOURCE_ZONE:
      return "zone";
    case LCS_SOURCE_LIVE:
      return "live";
    case LCS_SOURCE_ENTRY:
      return "entry";
    case LCS_SOURCE_CERT:
      return "cert";
    default:
      return "unknown";
    }
}

/* Names and messages may come from hostile DNS data or zone files in any encoding. */
char *
lcs_export_valid_utf8 (const char *text)
{
  return g_utf8_make_valid (text != NULL ? text : "", -1);
}

char *
lcs_export_record_status (const LcsRecordResult *result)
{
  if (result->status == LCS_STATUS_MISPLACED && result->misplaced_at != NULL)
    return g_strdup_printf ("%s at %s", lcs_record_status_to_string (result->status),
                            result->misplaced_at);
  return g_strdup (lcs_record_status_to_string (result->status));
}

const char *
lcs_export_rule_id (const LcsFinding *finding)
{
  return finding->rule != NULL ? finding->rule->id : "";
}
