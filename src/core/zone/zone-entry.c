/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the reader and the directives share about one entry: its findings (zone-syntax, at a
 * token) and its names, read against the origin in force. */
#include "config.h"

#include "zone-private.h"

#include <string.h>
#include <lcsdns/model/finding.h>

/* A file that is not a zone at all would otherwise give a finding per line. */
#define MAX_FINDINGS 1000

G_DEFINE_QUARK (lcs-zone-error-quark, lcs_zone_error)

void
lcs_zone_add_finding (LcsZoneReader *reader,
                      const char    *rule,
                      const char    *path,
                      const char    *owner,
                      guint          line,
                      guint          column,
                      const char    *message)
{
  gboolean syntax = strcmp (rule, "zone-syntax") == 0;
  LcsFinding *finding;

  if (reader->findings == NULL || (syntax && ++reader->n_findings > MAX_FINDINGS + 1))
    return;
  if (syntax && reader->n_findings == MAX_FINDINGS + 1)
    finding = lcs_finding_new (rule, LCS_VIEW_INTERNAL, NULL,
                               "more than %d lines cannot be read: the rest are not reported",
                               MAX_FINDINGS);
  else
    finding = lcs_finding_new (rule, LCS_VIEW_INTERNAL, owner, "%s", message);
  finding->file = g_strdup (path);
  finding->line = line;
  finding->column = column;
  g_ptr_array_add (reader->findings, finding);
}

gboolean
lcs_zone_file_is_directive (LcsZoneFile *state)
{
  return !state->lexer.blank_owner && !lcs_zone_file_token (state, 0)->quoted
         && lcs_zone_file_text (state, 0)[0] == '$';
}

const char *
lcs_zone_file_owner (LcsZoneFile *state)
{
  return state->owner_set ? state->owners[state->owner_index] : NULL;
}

/* A finding at token @index of the entry; @index == n_tokens means just past its end. */
static void
entry_finding (LcsZoneReader *reader,
               LcsZoneFile   *state,
               guint          index,
               const char    *message)
{
  guint n = state->lexer.n_tokens;
  const LcsZoneToken *token = lcs_zone_file_token (state, index < n ? index : n - 1);

  /* A directive's problem is about its own line, not about the record read before it. */
  lcs_zone_add_finding (reader, "zone-syntax", state->path,
                        lcs_zone_file_is_directive (state) ? NULL : lcs_zone_file_owner (state),
                        token->line, index < n ? token->column : token->end_column, message);
}

void
lcs_zone_entry_finding (LcsZoneReader *reader,
                        LcsZoneFile   *state,
                        guint          index,
                        const char    *format,
                        ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  entry_finding (reader, state, index, message);
}

gboolean
lcs_zone_fail_no_origin (LcsZoneFile  *state,
                         guint         index,
                         GError      **error)
{
  g_autofree char *shown = lcs_zone_token_display (lcs_zone_file_text (state, index));

  g_set_error (error, LCS_ZONE_ERROR, LCS_ZONE_ERROR_NO_ORIGIN,
               "%s:%u: \"%s\" is relative, but there is no $ORIGIN, no origin was given and the "
               "file name is not <zone>.dns", state->path, lcs_zone_file_token (state, index)->line,
               shown);
  return FALSE;
}

gboolean
lcs_zone_parse_name_token (LcsZoneReader  *reader,
                           LcsZoneFile    *state,
                           guint           index,
                           const char     *what,
                           char           *out,
                           GError        **error)
{
  const char *reason = NULL;
  g_autofree char *shown = NULL;
  gsize length;

  switch (lcs_zone_parse_name (lcs_zone_file_text (state, index), &state->origin, out, &length,
                               &reason))
    {
    case LCS_ZONE_NAME_OK:
      return TRUE;
    case LCS_ZONE_NAME_NEEDS_ORIGIN:
      return lcs_zone_fail_no_origin (state, index, error);
    case LCS_ZONE_NAME_BAD:
    default:
      shown = lcs_zone_token_display (lcs_zone_file_text (state, index));
      lcs_zone_entry_finding (reader, state, index, "bad %s \"%s\": %s", what, shown, reason);
      return FALSE;
    }
}
