/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Zone-file reader (docs/spec.md §8): directives, owners, TTL and class, $INCLUDE, and the public API.
 * The lexer (zone-lexer.c) cuts entries; the data of each record is parsed in zone-rdata.c. */
#include "config.h"

#include <lcsdns/zone/zone.h>

#include <errno.h>
#include <string.h>
#include <lcsdns/model/finding.h>
#include <lcsdns/model/name.h>

#include "zone-private.h"

/* "[AGE:3636591]" in a zone file, "[Aging:3636591]" in dnscmd /ZonePrint and /EnumRecords:
 * hours since 1601 for a dynamically registered record (Windows). Returns the length of the
 * prefix up to the colon, or 0. */
static gsize
age_token_prefix (const char *text)
{
  if (text[0] != '[')
    return 0;
  if (g_ascii_strncasecmp (text + 1, "age:", 4) == 0)
    return 5;
  if (g_ascii_strncasecmp (text + 1, "aging:", 6) == 0)
    return 7;
  return 0;
}

/* The hours of an aging token into *@hours; FALSE when it is not "[AGE:digits]". */
static gboolean
parse_age_token (const char *text,
                 guint32    *hours)
{
  const char *p = text + age_token_prefix (text);
  guint64 value = 0;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    {
      value = MIN (value * 10 + (guint64) (*p - '0'), G_MAXUINT32);
      p++;
    }
  *hours = (guint32) value;
  return p[0] == ']' && p[1] == '\0';
}

static gboolean
is_class_token (const char *text)
{
  static const char *const classes[] = { "IN", "CH", "CS", "HS", "NONE", "ANY" };
  gsize i;

  /* Most tokens here are a type: turn them away before comparing (this runs for every record). */
  if (text[0] == '\0' || text[1] == '\0' || strchr ("IiCcHhNnAa", text[0]) == NULL)
    return FALSE;
  for (i = 0; i < G_N_ELEMENTS (classes); i++)
    if (g_ascii_strcasecmp (text, classes[i]) == 0)
      return TRUE;
  return g_ascii_strncasecmp (text, "CLASS", 5) == 0 && g_ascii_isdigit (text[5]);
}

/* The TTL of a record that gives none, as BIND decides it: $TTL; else the SOA minimum when the
 * SOA itself gave no TTL (a Windows export's "default TTL"); else the last TTL (RFC 1035). */
static gboolean
implicit_ttl (LcsZoneReader *reader,
              guint16        type,
              guint32        soa_minimum,
              guint32       *ttl)
{
  if (reader->default_ttl_set)
    *ttl = reader->default_ttl;
  else if (reader->last_ttl_set)
    *ttl = reader->last_ttl;
  else if (type == LCS_TYPE_SOA)
    {
      *ttl = reader->default_ttl = soa_minimum;
      reader->default_ttl_set = TRUE;
    }
  else
    return FALSE;
  return TRUE;
}

/* Reads the owner of a record entry into the current owner; FALSE when the entry is skipped. */
static gboolean
read_owner (LcsZoneReader  *reader,
            LcsZoneFile    *state,
            GError        **error)
{
  const char *reason = NULL;
  guint next = state->owner_index ^ 1;
  g_autofree char *shown = NULL;

  if (state->lexer.blank_owner)
    {
      if (state->owner_set)
        return TRUE;
      if (!state->owner_bad)
        lcs_zone_entry_finding (reader, state, 0,
                                "no owner name: the first record starts with white space");
      return FALSE;
    }
  switch (lcs_zone_parse_name (lcs_zone_file_text (state, 0), &state->origin, state->owners[next],
                               &state->owner_lengths[next], &reason))
    {
    case LCS_ZONE_NAME_OK:
      state->owner_index = next;
      state->owner_set = TRUE;
      state->owner_bad = FALSE;
      return TRUE;
    case LCS_ZONE_NAME_NEEDS_ORIGIN:
      lcs_zone_fail_no_origin (state, 0, error);
      return FALSE;
    case LCS_ZONE_NAME_BAD:
    default:
      /* Records continuing a bad owner are skipped quietly: one finding says it all. */
      state->owner_set = FALSE;
      state->owner_bad = TRUE;
      shown = lcs_zone_token_display (lcs_zone_file_text (state, 0));
      lcs_zone_entry_finding (reader, state, 0, "bad owner name \"%s\": %s", shown, reason);
      return FALSE;
    }
}

static gboolean
skip_entry (LcsZoneReader *reader,
            LcsZoneFile   *state,
            guint          index,
            const char    *what,
            const char    *text)
{
  g_autofree char *shown = lcs_zone_token_display (text);

  lcs_zone_entry_finding (reader, state, index, "%s \"%s\"", what, shown);
  return TRUE;
}

/* The zone's origin as far as it is known yet: the origin at the first record, else the SOA's. */
static const char *
zone_apex (const LcsZoneReader *reader)
{
  return reader->zone_origin != NULL ? reader->zone_origin : reader->soa_owner;
}

/* Whether @owner (absolute, lower case) is at or under the zone's origin. BIND ignores data
 * outside the zone with a warning; so does this reader. Until the origin is known (no origin
 * given, no $ORIGIN, no SOA read yet) every owner is taken. */
static gboolean
is_in_zone (const LcsZoneReader *reader,
            const char          *owner,
            gsize                owner_length)
{
  const char *apex = zone_apex (reader);
  gsize apex_length, start, dot;

  if (apex == NULL || strcmp (apex, ".") == 0)
    return TRUE;
  apex_length = strlen (apex);
  if (owner_length < apex_length
      || memcmp (owner + owner_length - apex_length, apex, apex_length) != 0)
    return FALSE;
  start = owner_length - apex_length;
  if (start == 0)
    return TRUE;
  if (owner[start - 1] != '.')
    return FALSE;
  /* The dot must end a label, not be an escaped "\." inside one: count the backslashes. */
  for (dot = start - 1; dot > 0 && owner[dot - 1] == '\\'; dot--)
    ;
  return (start - 1 - dot) % 2 == 0;
}

/* dnscmd writes the name servers' glue under "Zone NS records" even when they live in another
 * zone; BIND ignores such records, and so does this reader, saying so once per file. */
static void
note_out_of_zone (LcsZoneFile *state,
                  const char  *owner)
{
  if (state->out_of_zone++ > 0)
    return;
  state->out_of_zone_first = g_strdup (owner);
  state->out_of_zone_line = lcs_zone_file_token (state, 0)->line;
}

static void
report_out_of_zone (LcsZoneReader *reader,
                    LcsZoneFile   *state)
{
  g_autofree char *message = NULL;

  if (state->out_of_zone == 0)
    return;
  message = g_strdup_printf ("%u record%s outside %s ignored, as BIND ignores them (the first: "
                             "%s)", state->out_of_zone, state->out_of_zone > 1 ? "s" : "",
                             zone_apex (reader), state->out_of_zone_first);
  lcs_zone_add_finding (reader, "zone-out-of-zone", state->path, NULL, state->out_of_zone_line,
                        1, message);
}

/* Reads one record entry; FALSE with @error only when reading must stop. */
static gboolean
read_record (LcsZoneReader  *reader,
             LcsZoneFile    *state,
             GError        **error)
{
  guint n = state->lexer.n_tokens;
  guint i;
  guint32 ttl = 0;
  gboolean ttl_set = FALSE, class_set = FALSE, age_set = FALSE;
  guint32 aging = 0;
  LcsZoneRdata rdata = { 0 };
  LcsRecord *record = &rdata.record;
  GError *local = NULL;

  if (!read_owner (reader, state, &local))
    {
      if (local == NULL)
        return TRUE;
      g_propagate_error (error, local);
      return FALSE;
    }
  for (i = state->lexer.blank_owner ? 0 : 1; i < n && !lcs_zone_file_token (state, i)->quoted; i++)
    {
      const char *text = lcs_zone_file_text (state, i);

      if (!age_set && age_token_prefix (text) > 0)
        {
          if (!parse_age_token (text, &aging))
            return skip_entry (reader, state, i, "bad aging token", text);
          age_set = TRUE;
        }
      else if (!ttl_set && g_ascii_isdigit (text[0]))
        {
          if (!lcs_zone_parse_ttl (text, &ttl))
            return skip_entry (reader, state, i, "bad TTL", text);
          ttl_set = TRUE;
        }
      else if (!class_set && is_class_token (text))
        {
          if (g_ascii_strcasecmp (text, "IN") != 0 && g_ascii_strcasecmp (text, "CLASS1") != 0)
            return skip_entry (reader, state, i, "only class IN is read, not", text);
          class_set = TRUE;
        }
      else
        break;
    }
  if (i == n)
    {
      lcs_zone_entry_finding (reader, state, n, "record type missing");
      return TRUE;
    }
  if (!lcs_zone_file_token (state, i)->quoted)
    rdata.type = lcs_zone_type_from_string (lcs_zone_file_text (state, i));
  if (rdata.type == 0)
    return skip_entry (reader, state, i, "unknown record type", lcs_zone_file_text (state, i));
  rdata.lexer = &state->lexer;
  rdata.first = i + 1;
  rdata.origin = &state->origin;
  rdata.owner = lcs_zone_file_owner (state);
  rdata.owner_length = state->owner_lengths[state->owner_index];
  rdata.scratch = reader->scratch;
  rdata.name = reader->name;
  if (!lcs_zone_build_record (&rdata))
    {
      if (rdata.needs_origin)
        return lcs_zone_fail_no_origin (state, rdata.error_token, error);
      lcs_zone_entry_finding (reader, state, rdata.error_token, "%s", rdata.error_message);
      g_free (rdata.error_message);
      return TRUE;
    }
  if (ttl_set)
    {
      reader->last_ttl = ttl;
      reader->last_ttl_set = TRUE;
    }
  else if (!implicit_ttl (reader, rdata.type, rdata.soa_minimum, &ttl))
    {
      lcs_zone_entry_finding (reader, state, i,
                              "no TTL: the record gives none and there is no $TTL or SOA before it");
      return TRUE;
    }
  record->ttl = ttl;
  record->aging = aging;
  if (!reader->records_seen)
    {
      reader->records_seen = TRUE;
      reader->zone_origin = g_strdup (state->origin.name);
    }
  if (!is_in_zone (reader, rdata.owner, rdata.owner_length))
    {
      note_out_of_zone (state, rdata.owner);
      return TRUE;
    }
  if (rdata.type == LCS_TYPE_SOA && !reader->soa_seen)
    {
      reader->soa_seen = TRUE;
      reader->soa_owner = g_strdup (rdata.owner);
    }
  reader->func (record, reader->user_data);
  return TRUE;
}

static gboolean read_file (LcsZoneReader  *reader,
                           const char     *path,
                           const char     *origin,
                           guint           depth,
                           GError        **error);

/* The file an $INCLUDE names, read in place of the directive. */
static gboolean
read_directive (LcsZoneReader  *reader,
                LcsZoneFile    *state,
                GError        **error)
{
  LcsZoneInclude include = { NULL, NULL };
  g_autoptr(GError) local = NULL;
  gboolean ok;

  if (!lcs_zone_read_directive (reader, state, &include, error))
    return FALSE;
  if (include.path == NULL)
    return TRUE;
  reader->included_files++;
  ok = read_file (reader, include.path, include.origin, state->depth + 1, &local);
  g_free (include.path);
  g_free (include.origin);
  if (ok)
    return TRUE;
  if (g_error_matches (local, LCS_ZONE_ERROR, LCS_ZONE_ERROR_UNREADABLE))
    {
      /* A missing part of the zone is reported where it is named, and the rest is still read. */
      lcs_zone_entry_finding (reader, state, 1, "%s", local->message);
      return TRUE;
    }
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

static gboolean
read_entries (LcsZoneReader  *reader,
              LcsZoneFile    *state,
              GError        **error)
{
  for (;;)
    {
      gboolean directive;

      switch (lcs_zone_lexer_next (&state->lexer))
        {
        case LCS_ZONE_LEX_ENTRY:
          directive = lcs_zone_file_is_directive (state);
          if (!(directive ? read_directive (reader, state, error)
                          : read_record (reader, state, error)))
            return FALSE;
          break;
        case LCS_ZONE_LEX_ERROR:
          lcs_zone_add_finding (reader, "zone-syntax", state->path, NULL, state->lexer.error_line,
                                state->lexer.error_column, state->lexer.error_message);
          break;
        case LCS_ZONE_LEX_EOF:
          if (state->lexer.over_budget)
            lcs_zone_report_include_limit (reader, state, state->lexer.line);
          return TRUE;
        case LCS_ZONE_LEX_IO:
        default:
          g_set_error (error, LCS_ZONE_ERROR, LCS_ZONE_ERROR_UNREADABLE, "cannot read %s: %s",
                       state->path, g_strerror (errno));
          return FALSE;
        }
    }
}

static gboolean
read_file (LcsZoneReader  *reader,
           const char     *path,
           const char     *origin,
           guint           depth,
           GError        **error)
{
  LcsZoneFile *state;
  g_autofree char *refusal = NULL;
  gboolean ok;

  /* On the heap: the owner buffers are large and $INCLUDE recurses. */
  state = g_new0 (LcsZoneFile, 1);
  if (!lcs_zone_open_text (path, &state->lexer, depth > 0 ? &reader->included_bytes_left : NULL,
                           &refusal, error))
    {
      g_free (state);
      if (refusal == NULL)
        return FALSE;
      lcs_zone_add_finding (reader, "zone-encoding", path, NULL, 1, 1, refusal);
      return TRUE;
    }
  state->path = path;
  state->depth = depth;
  lcs_zone_origin_set (&state->origin, origin);
  g_ptr_array_add (reader->open_files, g_canonicalize_filename (path, NULL));
  ok = read_entries (reader, state, error);
  if (ok)
    report_out_of_zone (reader, state);
  g_ptr_array_remove_index (reader->open_files, reader->open_files->len - 1);
  lcs_zone_lexer_clear (&state->lexer);
  lcs_zone_origin_set (&state->origin, NULL);
  g_free (state->out_of_zone_first);
  g_free (state);
  return ok;
}

char *
lcs_zone_normalize_origin (const char *text)
{
  char out[LCS_ZONE_NAME_BUFSIZE];
  char dot[] = ".";
  const LcsZoneOrigin root = { dot, 1, 1 };
  const char *reason = NULL;
  gsize length;

  if (!lcs_name_validate (text, LCS_NAME_OWNER, NULL)
      || lcs_zone_parse_name (text, &root, out, &length, &reason) != LCS_ZONE_NAME_OK)
    return NULL;
  return g_strdup (out);
}

/* Windows names a zone's file after it: "contoso.com.dns". */
char *
lcs_zone_origin_from_file_name (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  gsize len = strlen (base);

  if (len <= 4 || g_ascii_strcasecmp (base + len - 4, ".dns") != 0)
    return NULL;
  base[len - 4] = '\0';
  return lcs_zone_normalize_origin (base);
}

/* lcs_zone_read () with records borrowed for the call: lcs_zone_load copies them straight into
 * the store, without a heap copy of each field on the way. */
static gboolean
read_zone (const char         *path,
           const char         *origin,
           LcsZoneBorrowFunc   func,
           gpointer            user_data,
           GPtrArray          *findings,
           char              **origin_out,
           GError            **error)
{
  LcsZoneReader reader = { 0 };
  g_autofree char *initial = NULL;
  g_autofree char *name = NULL;
  gboolean ok;

  if (origin != NULL)
    {
      initial = lcs_zone_normalize_origin (origin);
      if (initial == NULL)
        {
          g_set_error (error, LCS_ZONE_ERROR, LCS_ZONE_ERROR_NO_ORIGIN,
                       "the origin \"%s\" given for %s is not a domain name", origin, path);
          return FALSE;
        }
    }
  else
    initial = lcs_zone_origin_from_file_name (path);

  reader.func = func;
  reader.user_data = user_data;
  reader.findings = findings;
  reader.open_files = g_ptr_array_new_with_free_func (g_free);
  reader.included_bytes_left = LCS_ZONE_MAX_INCLUDED_BYTES;
  reader.scratch = g_string_sized_new (256);
  reader.name = name = g_malloc (LCS_ZONE_NAME_BUFSIZE);
  ok = read_file (&reader, path, initial, 0, error);
  if (ok && reader.zone_origin == NULL)
    reader.zone_origin = g_strdup (reader.soa_owner != NULL ? reader.soa_owner : initial);
  if (ok && reader.zone_origin == NULL)
    {
      g_set_error (error, LCS_ZONE_ERROR, LCS_ZONE_ERROR_NO_ORIGIN,
                   "%s: the zone's origin is unknown: give one, or add $ORIGIN or an SOA record",
                   path);
      ok = FALSE;
    }
  if (ok && origin_out != NULL)
    *origin_out = g_steal_pointer (&reader.zone_origin);
  g_free (reader.zone_origin);
  g_free (reader.soa_owner);
  g_string_free (reader.scratch, TRUE);
  g_ptr_array_unref (reader.open_files);
  return ok;
}

typedef struct {
  LcsZoneRecordFunc  func;
  gpointer           user_data;
} ReadContext;

static void
on_borrowed_record_read (const LcsRecord *record,
                         gpointer         user_data)
{
  ReadContext *context = user_data;

  context->func (lcs_record_copy (record), context->user_data);
}

gboolean
lcs_zone_read (const char         *path,
               const char         *origin,
               LcsZoneRecordFunc   func,
               gpointer            user_data,
               GPtrArray          *findings,
               char              **origin_out,
               GError            **error)
{
  ReadContext context = { func, user_data };

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return read_zone (path, origin, on_borrowed_record_read, &context, findings, origin_out, error);
}

typedef struct {
  LcsObservations *obs;
  LcsView          view;
  LcsRecordFunc    func;
  gpointer         user_data;
} LoadContext;

static void
on_zone_record_read (const LcsRecord *record,
                     gpointer         user_data)
{
  LoadContext *context = user_data;
  const LcsRecord *kept = lcs_observations_add_record (context->obs, context->view, record);

  if (context->func != NULL)
    context->func (kept, context->user_data);
}

gboolean
lcs_zone_load (LcsObservations  *obs,
               LcsView           view,
               const char       *path,
               const char       *origin,
               GPtrArray        *findings,
               GError          **error)
{
  return lcs_zone_load_full (obs, view, path, origin, NULL, NULL, findings, NULL, error);
}

gboolean
lcs_zone_load_full (LcsObservations  *obs,
                    LcsView           view,
                    const char       *path,
                    const char       *origin,
                    LcsRecordFunc     func,
                    gpointer          user_data,
                    GPtrArray        *findings,
                    char            **origin_out,
                    GError          **error)
{
  LoadContext context = { obs, view, func, user_data };
  g_autofree char *zone_origin = NULL;
  guint first = findings != NULL ? findings->len : 0;
  guint i;

  g_return_val_if_fail (obs != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!read_zone (path, origin, on_zone_record_read, &context, findings, &zone_origin, error))
    return FALSE;
  for (i = first; findings != NULL && i < findings->len; i++)
    ((LcsFinding *) g_ptr_array_index (findings, i))->view = view;
  lcs_observations_add_zone (obs, view, zone_origin);
  if (origin_out != NULL)
    *origin_out = g_steal_pointer (&zone_origin);
  return TRUE;
}
