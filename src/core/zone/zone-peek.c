/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The zone a file holds, told from its first lines: what the console proposes on import before
 * the file is read in full (a 50 MB export is read in a thread, this in an instant). */
#include "config.h"

#include "zone-private.h"

#include <string.h>
#include <lcsdns/zone/zone.h>

/* Directives and the SOA come first in every export; comments before them are short. */
#define HEAD_BYTES (16 * 1024)

/* Whether the record entry in @lexer is an SOA: its owner, then TTL, class and Windows' aging
 * token in any order, then the type. */
static gboolean
entry_is_soa (const LcsZoneLexer *lexer)
{
  for (guint i = 1; i < lexer->n_tokens; i++)
    {
      const char *text = lcs_zone_token_text (lexer, &lexer->tokens[i]);

      if (g_ascii_isdigit (text[0]) || text[0] == '[' || g_ascii_strcasecmp (text, "IN") == 0)
        continue;
      return g_ascii_strcasecmp (text, "SOA") == 0;
    }
  return FALSE;
}

/* $ORIGIN in force at the first record, else that record's owner when it is an absolute SOA
 * owner: what the reader itself would take. Takes @text. */
static char *
origin_in_entries (char                *text,
                   gsize                length,
                   LcsZoneOriginSource *source)
{
  LcsZoneLexer lexer;
  LcsZoneOrigin origin = { 0 };
  LcsZoneLexStatus status;
  char name[LCS_ZONE_NAME_BUFSIZE];
  const char *reason = NULL;
  char *found = NULL;
  gsize name_length;

  lcs_zone_lexer_init_text (&lexer, text, length);
  while ((status = lcs_zone_lexer_next (&lexer)) == LCS_ZONE_LEX_ENTRY || status == LCS_ZONE_LEX_ERROR)
    {
      const char *first;

      /* A bad line is skipped, as the reader skips it. */
      if (status == LCS_ZONE_LEX_ERROR)
        continue;
      first = lcs_zone_token_text (&lexer, &lexer.tokens[0]);
      if (!lexer.blank_owner && first[0] == '$')
        {
          if (g_ascii_strcasecmp (first, "$ORIGIN") == 0 && lexer.n_tokens >= 2
              && lcs_zone_parse_name (lcs_zone_token_text (&lexer, &lexer.tokens[1]), &origin, name,
                                      &name_length, &reason) == LCS_ZONE_NAME_OK)
            lcs_zone_origin_set (&origin, name);
          continue;
        }
      if (origin.name != NULL)
        {
          found = g_strdup (origin.name);
          *source = LCS_ZONE_ORIGIN_FROM_DIRECTIVE;
        }
      else if (!lexer.blank_owner && entry_is_soa (&lexer)
               && lcs_zone_parse_name (first, &origin, name, &name_length, &reason) == LCS_ZONE_NAME_OK)
        {
          found = g_strdup (name);
          *source = LCS_ZONE_ORIGIN_FROM_SOA;
        }
      break;
    }
  lcs_zone_origin_set (&origin, NULL);
  lcs_zone_lexer_clear (&lexer);
  return found;
}

/* ";  Database file contoso.com.dns for contoso.com zone." heads every file Windows DNS writes;
 * it keeps the zone's name when the file is renamed. Only the comment lines at the top count. */
static char *
origin_in_header (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", 0);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      const char *zone;
      char *end;

      if (*line == '\0')
        continue;
      if (*line != ';')
        break;
      line = g_strchug (line + 1);
      if (!g_str_has_prefix (line, "Database file ") || !g_str_has_suffix (line, " zone."))
        continue;
      end = line + strlen (line) - strlen (" zone.");
      *end = '\0';
      zone = g_strrstr (line, " for ");
      if (zone != NULL)
        return lcs_zone_normalize_origin (zone + strlen (" for "));
    }
  return NULL;
}

gboolean
lcs_zone_peek_origin (const char           *path,
                      char                **origin,
                      LcsZoneOriginSource  *source,
                      GError              **error)
{
  g_autofree char *header = NULL;
  char *text = NULL;
  char *found = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL && origin != NULL && source != NULL, FALSE);

  *origin = NULL;
  *source = LCS_ZONE_ORIGIN_FROM_NONE;
  if (!lcs_zone_read_head (path, HEAD_BYTES, &text, &length, error))
    return FALSE;
  if (text != NULL)
    {
      header = origin_in_header (text);
      found = origin_in_entries (text, length, source);
    }
  if (found == NULL && header != NULL)
    {
      found = g_steal_pointer (&header);
      *source = LCS_ZONE_ORIGIN_FROM_HEADER;
    }
  if (found == NULL)
    {
      found = lcs_zone_origin_from_file_name (path);
      if (found != NULL)
        *source = LCS_ZONE_ORIGIN_FROM_FILE_NAME;
    }
  *origin = found;
  return TRUE;
}
