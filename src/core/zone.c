/* Zone-file reader (SPEC §8): directives, owners, TTL and class, $INCLUDE, and the public API.
 * The lexer (zone-lexer.c) cuts entries; the data of each record is parsed in zone-rdata.c. */
#include <lcsdns/zone.h>

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>
#include <lcsdns/finding.h>
#include <lcsdns/name.h>

#include "zone-private.h"

#define MAX_INCLUDE_DEPTH 8

G_DEFINE_QUARK (lcs-zone-error-quark, lcs_zone_error)

typedef struct {
  LcsZoneRecordFunc  func;
  gpointer           user_data;
  GPtrArray         *findings;
  GPtrArray         *open_files;     /* canonical paths of the files being read, outermost first */
  GString           *scratch;
  guint32            default_ttl;    /* $TTL, or the minimum of an SOA without TTL */
  gboolean           default_ttl_set;
  gboolean           soa_seen;
  guint32            last_ttl;       /* RFC 1035: an omitted TTL repeats the last one */
  gboolean           last_ttl_set;
  char              *zone_origin;    /* the origin in force at the first record */
  gboolean           records_seen;
  char              *soa_owner;
} Reader;

/* What one file of the zone holds while it is read: $INCLUDE restores it afterwards. */
typedef struct {
  const char   *path;
  guint         depth;
  char         *origin;         /* absolute; NULL until known */
  char          owners[2][LCS_ZONE_NAME_BUFSIZE];
  guint         owner_index;    /* owners[owner_index] is the current owner */
  gboolean      owner_set;
  gboolean      owner_bad;      /* the last owner could not be read: its records are skipped */
  LcsZoneLexer  lexer;
} FileState;

static gboolean read_file (Reader      *reader,
                           const char  *path,
                           const char  *origin,
                           guint        depth,
                           GError     **error);

static void
add_finding (Reader     *reader,
             const char *path,
             const char *owner,
             guint       line,
             guint       column,
             const char *message)
{
  LcsFinding *finding;

  if (reader->findings == NULL)
    return;
  finding = lcs_finding_new ("zone-syntax", LCS_VIEW_INTERNAL, owner, "%s", message);
  finding->file = g_strdup (path);
  finding->line = line;
  finding->column = column;
  g_ptr_array_add (reader->findings, finding);
}

static const LcsZoneToken *
token_at (FileState *state,
          guint      index)
{
  return &g_array_index (state->lexer.tokens, LcsZoneToken, index);
}

static const char *
text_at (FileState *state,
         guint      index)
{
  return lcs_zone_token_text (&state->lexer, token_at (state, index));
}

static const char *
current_owner (FileState *state)
{
  return state->owner_set ? state->owners[state->owner_index] : NULL;
}

/* A finding at token @index of the entry; @index == n_tokens means just past its end. */
static void
entry_finding (Reader     *reader,
               FileState  *state,
               guint       index,
               const char *message)
{
  guint n = state->lexer.tokens->len;
  const LcsZoneToken *token = token_at (state, index < n ? index : n - 1);

  add_finding (reader, state->path, current_owner (state), token->line,
               index < n ? token->column : token->end_column, message);
}

static void
entry_finding_printf (Reader     *reader,
                      FileState  *state,
                      guint       index,
                      const char *format,
                      ...) G_GNUC_PRINTF (4, 5);

static void
entry_finding_printf (Reader     *reader,
                      FileState  *state,
                      guint       index,
                      const char *format,
                      ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  entry_finding (reader, state, index, message);
}

static gboolean
fail_no_origin (FileState   *state,
                guint        index,
                GError     **error)
{
  g_autofree char *shown = lcs_zone_token_display (text_at (state, index));

  g_set_error (error, LCS_ZONE_ERROR, LCS_ZONE_ERROR_NO_ORIGIN,
               "%s:%u: \"%s\" is relative, but there is no $ORIGIN, no origin was given and the "
               "file name is not <zone>.dns", state->path, token_at (state, index)->line, shown);
  return FALSE;
}

/* Parses the name at token @index into @out. FALSE with @error only when no origin is known;
 * FALSE without it after a finding. */
static gboolean
parse_name_token (Reader     *reader,
                  FileState  *state,
                  guint       index,
                  const char *what,
                  char       *out,
                  GError    **error)
{
  const char *reason = NULL;
  g_autofree char *shown = NULL;

  switch (lcs_zone_parse_name (text_at (state, index), state->origin, out, &reason))
    {
    case LCS_ZONE_NAME_OK:
      return TRUE;
    case LCS_ZONE_NAME_NEEDS_ORIGIN:
      return fail_no_origin (state, index, error);
    case LCS_ZONE_NAME_BAD:
    default:
      shown = lcs_zone_token_display (text_at (state, index));
      entry_finding_printf (reader, state, index, "bad %s \"%s\": %s", what, shown, reason);
      return FALSE;
    }
}

static gboolean
read_origin_directive (Reader     *reader,
                       FileState  *state,
                       GError    **error)
{
  char origin[LCS_ZONE_NAME_BUFSIZE];
  GError *local = NULL;

  if (state->lexer.tokens->len != 2)
    {
      entry_finding (reader, state, state->lexer.tokens->len < 2 ? 1 : 2,
                     "$ORIGIN takes one domain name");
      return TRUE;
    }
  if (!parse_name_token (reader, state, 1, "$ORIGIN", origin, &local))
    {
      if (local == NULL)
        return TRUE;
      g_propagate_error (error, local);
      return FALSE;
    }
  g_free (state->origin);
  state->origin = g_strdup (origin);
  return TRUE;
}

static void
read_ttl_directive (Reader    *reader,
                    FileState *state)
{
  g_autofree char *shown = NULL;

  if (state->lexer.tokens->len != 2)
    {
      entry_finding (reader, state, state->lexer.tokens->len < 2 ? 1 : 2, "$TTL takes one TTL");
      return;
    }
  if (lcs_zone_parse_ttl (text_at (state, 1), &reader->default_ttl))
    {
      reader->default_ttl_set = TRUE;
      return;
    }
  shown = lcs_zone_token_display (text_at (state, 1));
  entry_finding_printf (reader, state, 1, "bad TTL \"%s\"", shown);
}

static gboolean
read_include_directive (Reader     *reader,
                        FileState  *state,
                        GError    **error)
{
  char origin[LCS_ZONE_NAME_BUFSIZE];
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *canonical = NULL;
  g_autoptr(GError) local = NULL;
  guint n = state->lexer.tokens->len;
  guint i;

  if (n < 2 || n > 3)
    {
      entry_finding (reader, state, n < 2 ? 1 : 3, "$INCLUDE takes a file name and an optional origin");
      return TRUE;
    }
  if (n == 3)
    {
      if (!parse_name_token (reader, state, 2, "$INCLUDE origin", origin, &local))
        {
          if (local == NULL)
            return TRUE;
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
    }
  else if (state->origin != NULL)
    g_strlcpy (origin, state->origin, sizeof origin);
  dir = g_path_get_dirname (state->path);
  path = g_path_is_absolute (text_at (state, 1)) ? g_strdup (text_at (state, 1))
                                                 : g_build_filename (dir, text_at (state, 1), NULL);
  canonical = g_canonicalize_filename (path, NULL);
  for (i = 0; i < reader->open_files->len; i++)
    if (strcmp (canonical, g_ptr_array_index (reader->open_files, i)) == 0)
      {
        entry_finding_printf (reader, state, 1, "$INCLUDE loop: %s is already being read", path);
        return TRUE;
      }
  if (state->depth >= MAX_INCLUDE_DEPTH)
    {
      entry_finding_printf (reader, state, 1, "$INCLUDE nested deeper than %d files",
                            MAX_INCLUDE_DEPTH);
      return TRUE;
    }
  if (read_file (reader, path, n == 3 || state->origin != NULL ? origin : NULL, state->depth + 1,
                 &local))
    return TRUE;
  if (g_error_matches (local, LCS_ZONE_ERROR, LCS_ZONE_ERROR_UNREADABLE))
    {
      /* A missing part of the zone is reported where it is named, and the rest is still read. */
      entry_finding (reader, state, 1, local->message);
      return TRUE;
    }
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

static gboolean
read_directive (Reader     *reader,
                FileState  *state,
                GError    **error)
{
  const char *name = text_at (state, 0);
  g_autofree char *shown = NULL;

  if (g_ascii_strcasecmp (name, "$ORIGIN") == 0)
    return read_origin_directive (reader, state, error);
  if (g_ascii_strcasecmp (name, "$TTL") == 0)
    {
      read_ttl_directive (reader, state);
      return TRUE;
    }
  if (g_ascii_strcasecmp (name, "$INCLUDE") == 0)
    return read_include_directive (reader, state, error);
  shown = lcs_zone_token_display (name);
  entry_finding_printf (reader, state, 0, "unknown directive %s", shown);
  return TRUE;
}

/* "[AGE:3636591]": hours since 1601 for a dynamically registered record (Windows). */
static gboolean
is_age_token (const char *text)
{
  return g_ascii_strncasecmp (text, "[AGE:", 5) == 0;
}

static gboolean
check_age_token (const char *text)
{
  const char *p = text + 5;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  return p[0] == ']' && p[1] == '\0';
}

static gboolean
is_class_token (const char *text)
{
  static const char *const classes[] = { "IN", "CH", "CS", "HS", "NONE", "ANY" };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (classes); i++)
    if (g_ascii_strcasecmp (text, classes[i]) == 0)
      return TRUE;
  return g_ascii_strncasecmp (text, "CLASS", 5) == 0 && g_ascii_isdigit (text[5]);
}

/* The TTL of a record that gives none, as BIND decides it: $TTL; else the SOA minimum when the
 * SOA itself gave no TTL (a Windows export's "default TTL"); else the last TTL (RFC 1035). */
static gboolean
implicit_ttl (Reader   *reader,
              guint16   type,
              guint32   soa_minimum,
              guint32  *ttl)
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
read_owner (Reader     *reader,
            FileState  *state,
            GError    **error)
{
  const char *reason = NULL;
  guint next = state->owner_index ^ 1;
  g_autofree char *shown = NULL;

  if (state->lexer.blank_owner)
    {
      if (state->owner_set)
        return TRUE;
      if (!state->owner_bad)
        entry_finding (reader, state, 0, "no owner name: the first record starts with white space");
      return FALSE;
    }
  switch (lcs_zone_parse_name (text_at (state, 0), state->origin, state->owners[next], &reason))
    {
    case LCS_ZONE_NAME_OK:
      state->owner_index = next;
      state->owner_set = TRUE;
      state->owner_bad = FALSE;
      return TRUE;
    case LCS_ZONE_NAME_NEEDS_ORIGIN:
      fail_no_origin (state, 0, error);
      return FALSE;
    case LCS_ZONE_NAME_BAD:
    default:
      /* Records continuing a bad owner are skipped quietly: one finding says it all. */
      state->owner_set = FALSE;
      state->owner_bad = TRUE;
      shown = lcs_zone_token_display (text_at (state, 0));
      entry_finding_printf (reader, state, 0, "bad owner name \"%s\": %s", shown, reason);
      return FALSE;
    }
}

static gboolean
skip_entry (Reader     *reader,
            FileState  *state,
            guint       index,
            const char *what,
            const char *text)
{
  g_autofree char *shown = lcs_zone_token_display (text);

  entry_finding_printf (reader, state, index, "%s \"%s\"", what, shown);
  return TRUE;
}

/* Reads one record entry; FALSE with @error only when reading must stop. */
static gboolean
read_record (Reader     *reader,
             FileState  *state,
             GError    **error)
{
  guint n = state->lexer.tokens->len;
  guint i;
  guint32 ttl = 0;
  gboolean ttl_set = FALSE, class_set = FALSE, age_set = FALSE;
  LcsZoneRdata rdata = { 0 };
  LcsRecord *record;
  GError *local = NULL;

  if (!read_owner (reader, state, &local))
    {
      if (local == NULL)
        return TRUE;
      g_propagate_error (error, local);
      return FALSE;
    }
  for (i = state->lexer.blank_owner ? 0 : 1; i < n && !token_at (state, i)->quoted; i++)
    {
      const char *text = text_at (state, i);

      if (!age_set && is_age_token (text))
        {
          if (!check_age_token (text))
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
      entry_finding (reader, state, n, "record type missing");
      return TRUE;
    }
  rdata.type = token_at (state, i)->quoted ? 0 : lcs_zone_type_from_string (text_at (state, i));
  if (rdata.type == 0)
    return skip_entry (reader, state, i, "unknown record type", text_at (state, i));
  rdata.lexer = &state->lexer;
  rdata.first = i + 1;
  rdata.origin = state->origin;
  rdata.owner = current_owner (state);
  rdata.scratch = reader->scratch;
  record = lcs_zone_build_record (&rdata);
  if (record == NULL)
    {
      if (rdata.needs_origin)
        return fail_no_origin (state, rdata.error_token, error);
      entry_finding (reader, state, rdata.error_token, rdata.error_message);
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
      lcs_record_free (record);
      entry_finding (reader, state, i, "no TTL: the record gives none and there is no $TTL or SOA before it");
      return TRUE;
    }
  record->ttl = ttl;
  if (rdata.type == LCS_TYPE_SOA && !reader->soa_seen)
    {
      reader->soa_seen = TRUE;
      reader->soa_owner = g_strdup (rdata.owner);
    }
  if (!reader->records_seen)
    {
      reader->records_seen = TRUE;
      reader->zone_origin = g_strdup (state->origin);
    }
  reader->func (record, reader->user_data);
  return TRUE;
}

static gboolean
read_entries (Reader     *reader,
              FileState  *state,
              GError    **error)
{
  for (;;)
    {
      gboolean directive;

      switch (lcs_zone_lexer_next (&state->lexer))
        {
        case LCS_ZONE_LEX_ENTRY:
          directive = !state->lexer.blank_owner && !token_at (state, 0)->quoted
                      && text_at (state, 0)[0] == '$';
          if (!(directive ? read_directive (reader, state, error) : read_record (reader, state, error)))
            return FALSE;
          break;
        case LCS_ZONE_LEX_ERROR:
          add_finding (reader, state->path, NULL, state->lexer.error_line, state->lexer.error_column,
                       state->lexer.error_message);
          break;
        case LCS_ZONE_LEX_EOF:
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
read_file (Reader      *reader,
           const char  *path,
           const char  *origin,
           guint        depth,
           GError     **error)
{
  FileState *state;
  FILE *file;
  gboolean ok;

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, LCS_ZONE_ERROR, LCS_ZONE_ERROR_UNREADABLE, "cannot open %s: %s", path,
                   g_strerror (saved_errno));
      return FALSE;
    }
  /* On the heap: the owner buffers are large and $INCLUDE recurses. */
  state = g_new0 (FileState, 1);
  state->path = path;
  state->depth = depth;
  state->origin = g_strdup (origin);
  lcs_zone_lexer_init (&state->lexer, file);
  g_ptr_array_add (reader->open_files, g_canonicalize_filename (path, NULL));
  ok = read_entries (reader, state, error);
  g_ptr_array_remove_index (reader->open_files, reader->open_files->len - 1);
  lcs_zone_lexer_clear (&state->lexer);
  fclose (file);
  g_free (state->origin);
  g_free (state);
  return ok;
}

/* The absolute form of a user-given origin, or NULL when it is not a domain name. */
static char *
normalize_origin (const char *text)
{
  char out[LCS_ZONE_NAME_BUFSIZE];
  const char *reason = NULL;

  if (!lcs_name_validate (text, LCS_NAME_OWNER, NULL)
      || lcs_zone_parse_name (text, ".", out, &reason) != LCS_ZONE_NAME_OK)
    return NULL;
  return g_strdup (out);
}

/* Windows names a zone's file after it: "contoso.com.dns". */
static char *
origin_from_file_name (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  gsize len = strlen (base);

  if (len <= 4 || g_ascii_strcasecmp (base + len - 4, ".dns") != 0)
    return NULL;
  base[len - 4] = '\0';
  return normalize_origin (base);
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
  Reader reader = { 0 };
  g_autofree char *initial = NULL;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (origin != NULL)
    {
      initial = normalize_origin (origin);
      if (initial == NULL)
        {
          g_set_error (error, LCS_ZONE_ERROR, LCS_ZONE_ERROR_NO_ORIGIN,
                       "the origin \"%s\" given for %s is not a domain name", origin, path);
          return FALSE;
        }
    }
  else
    initial = origin_from_file_name (path);

  reader.func = func;
  reader.user_data = user_data;
  reader.findings = findings;
  reader.open_files = g_ptr_array_new_with_free_func (g_free);
  reader.scratch = g_string_sized_new (256);
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
  LcsObservations *obs;
  LcsView          view;
} LoadContext;

static void
on_zone_record_read (LcsRecord *record,
                     gpointer   user_data)
{
  LoadContext *context = user_data;

  lcs_observations_take_record (context->obs, context->view, record);
}

gboolean
lcs_zone_load (LcsObservations  *obs,
               LcsView           view,
               const char       *path,
               const char       *origin,
               GPtrArray        *findings,
               GError          **error)
{
  LoadContext context = { obs, view };
  g_autofree char *zone_origin = NULL;
  guint first = findings != NULL ? findings->len : 0;
  guint i;

  g_return_val_if_fail (obs != NULL, FALSE);

  if (!lcs_zone_read (path, origin, on_zone_record_read, &context, findings, &zone_origin, error))
    return FALSE;
  for (i = first; findings != NULL && i < findings->len; i++)
    ((LcsFinding *) g_ptr_array_index (findings, i))->view = view;
  lcs_observations_add_zone (obs, view, zone_origin);
  return TRUE;
}
