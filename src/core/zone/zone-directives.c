/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Zone-file directives: $ORIGIN, $TTL and $INCLUDE (paths relative to the including file, an
 * optional origin, at most eight files deep, no file inside itself, and a total of files and
 * bytes per zone). An $INCLUDE is only checked here: the reader (zone.c) reads the file it
 * names. */
#include "config.h"

#include "zone-private.h"

#include <string.h>

#define MAX_INCLUDE_DEPTH 8

static gboolean
read_origin_directive (LcsZoneReader  *reader,
                       LcsZoneFile    *state,
                       GError        **error)
{
  char origin[LCS_ZONE_NAME_BUFSIZE];
  GError *local = NULL;

  if (state->lexer.n_tokens != 2)
    {
      lcs_zone_entry_finding (reader, state, state->lexer.n_tokens < 2 ? 1 : 2,
                              "$ORIGIN takes one domain name");
      return TRUE;
    }
  if (!lcs_zone_parse_name_token (reader, state, 1, "$ORIGIN", origin, &local))
    {
      if (local == NULL)
        return TRUE;
      g_propagate_error (error, local);
      return FALSE;
    }
  lcs_zone_origin_set (&state->origin, origin);
  return TRUE;
}

static void
read_ttl_directive (LcsZoneReader *reader,
                    LcsZoneFile   *state)
{
  g_autofree char *shown = NULL;

  if (state->lexer.n_tokens != 2)
    {
      lcs_zone_entry_finding (reader, state, state->lexer.n_tokens < 2 ? 1 : 2,
                              "$TTL takes one TTL");
      return;
    }
  if (lcs_zone_parse_ttl (lcs_zone_file_text (state, 1), &reader->default_ttl))
    {
      reader->default_ttl_set = TRUE;
      return;
    }
  shown = lcs_zone_token_display (lcs_zone_file_text (state, 1));
  lcs_zone_entry_finding (reader, state, 1, "bad TTL \"%s\"", shown);
}

void
lcs_zone_report_include_limit (LcsZoneReader *reader,
                               LcsZoneFile   *state,
                               guint          line)
{
  g_autofree char *message = NULL;

  if (reader->include_limit_reported)
    return;
  reader->include_limit_reported = TRUE;
  message = g_strdup_printf ("$INCLUDE limit reached (%d files, %" G_GSIZE_FORMAT " bytes in "
                             "all): the rest of the included files is not read",
                             LCS_ZONE_MAX_INCLUDED_FILES, LCS_ZONE_MAX_INCLUDED_BYTES);
  lcs_zone_add_finding (reader, "zone-syntax", state->path, NULL, line, 1, message);
}

static gboolean
within_include_limits (LcsZoneReader *reader,
                       LcsZoneFile   *state)
{
  if (reader->included_files < LCS_ZONE_MAX_INCLUDED_FILES && reader->included_bytes_left > 0)
    return TRUE;
  lcs_zone_report_include_limit (reader, state, lcs_zone_file_token (state, 0)->line);
  return FALSE;
}

static gboolean
read_include_directive (LcsZoneReader   *reader,
                        LcsZoneFile     *state,
                        LcsZoneInclude  *include,
                        GError         **error)
{
  char origin[LCS_ZONE_NAME_BUFSIZE];
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  const char *name;
  g_autofree char *canonical = NULL;
  g_autoptr(GError) local = NULL;
  guint n = state->lexer.n_tokens;
  guint i;

  if (n < 2 || n > 3)
    {
      lcs_zone_entry_finding (reader, state, n < 2 ? 1 : 3,
                              "$INCLUDE takes a file name and an optional origin");
      return TRUE;
    }
  if (n == 3)
    {
      if (!lcs_zone_parse_name_token (reader, state, 2, "$INCLUDE origin", origin, &local))
        {
          if (local == NULL)
            return TRUE;
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
    }
  else if (state->origin.name != NULL)
    g_strlcpy (origin, state->origin.name, sizeof origin);
  dir = g_path_get_dirname (state->path);
  name = lcs_zone_file_text (state, 1);
  path = g_path_is_absolute (name) ? g_strdup (name) : g_build_filename (dir, name, NULL);
  canonical = g_canonicalize_filename (path, NULL);
  for (i = 0; i < reader->open_files->len; i++)
    if (strcmp (canonical, g_ptr_array_index (reader->open_files, i)) == 0)
      {
        lcs_zone_entry_finding (reader, state, 1, "$INCLUDE loop: %s is already being read", path);
        return TRUE;
      }
  if (state->depth >= MAX_INCLUDE_DEPTH)
    {
      lcs_zone_entry_finding (reader, state, 1, "$INCLUDE nested deeper than %d files",
                              MAX_INCLUDE_DEPTH);
      return TRUE;
    }
  if (!within_include_limits (reader, state))
    return TRUE;
  include->path = g_steal_pointer (&path);
  include->origin = n == 3 || state->origin.name != NULL ? g_strdup (origin) : NULL;
  return TRUE;
}

gboolean
lcs_zone_read_directive (LcsZoneReader   *reader,
                         LcsZoneFile     *state,
                         LcsZoneInclude  *include,
                         GError         **error)
{
  const char *name = lcs_zone_file_text (state, 0);
  g_autofree char *shown = NULL;

  if (g_ascii_strcasecmp (name, "$ORIGIN") == 0)
    return read_origin_directive (reader, state, error);
  if (g_ascii_strcasecmp (name, "$TTL") == 0)
    {
      read_ttl_directive (reader, state);
      return TRUE;
    }
  if (g_ascii_strcasecmp (name, "$INCLUDE") == 0)
    return read_include_directive (reader, state, include, error);
  shown = lcs_zone_token_display (name);
  lcs_zone_entry_finding (reader, state, 0, "unknown directive %s", shown);
  return TRUE;
}

