/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The profile as a GKeyFile (*.lcsdns): INI-like, so admins can read and diff it. */
#include "config.h"

#include <lcsdns/model/save.h>
#include <lcsdns/profile/profile.h>

#include <string.h>

#define GROUP           "deployment"
#define GROUP_HOSTS     "domain-hosts"
#define GROUP_CHECKLIST "checklist"
#define GROUP_RECORDS   "records"
#define GROUP_EXTERNAL_RECORDS "external-records"

static const char *const zone_keys[2] = { "zones-internal", "zones-external" };
/* The zone name of each file, in the order of its zone_keys list ("" where the file's $ORIGIN or
 * name decides); a profile without the key is one written before the names were kept. */
static const char *const origin_keys[2] = { "zone-origins-internal", "zone-origins-external" };

static void
save_records (GKeyFile   *keyfile,
              const char *group,
              GPtrArray  *records)
{
  for (guint i = 0; i < records->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("record%u", i + 1);
      g_autofree char *line = lcs_record_to_line (g_ptr_array_index (records, i));

      g_key_file_set_string (keyfile, group, name, line);
    }
}

/* GKeyFile's escapes (\s \n \t \r \\), undone here rather than by g_key_file_get_string: GLib
 * 2.74 sets its GError twice on an invalid escape followed by a trailing backslash. */
static char *
unescape_value (const char *raw,
                const char *why_prefix,
                GError    **error)
{
  g_autoptr(GString) value = g_string_sized_new (strlen (raw));
  const char *p;

  for (p = raw; *p; p++)
    {
      if (*p != '\\')
        {
          g_string_append_c (value, *p);
          continue;
        }
      switch (*++p)
        {
        case 's': g_string_append_c (value, ' '); break;
        case 'n': g_string_append_c (value, '\n'); break;
        case 't': g_string_append_c (value, '\t'); break;
        case 'r': g_string_append_c (value, '\r'); break;
        case '\\': g_string_append_c (value, '\\'); break;
        case '\0':
          g_set_error (error, LCS_PROFILE_ERROR, LCS_PROFILE_ERROR_INVALID,
                       "%s: the value ends in a lone backslash", why_prefix);
          return NULL;
        default:
          g_set_error (error, LCS_PROFILE_ERROR, LCS_PROFILE_ERROR_INVALID,
                       "%s: \\%c is not an escape a profile knows (\\s \\n \\t \\r \\\\)",
                       why_prefix, g_ascii_isprint (*p) ? *p : '?');
          return NULL;
        }
    }
  return g_string_free (g_steal_pointer (&value), FALSE);
}

/* A value as text, or an error naming [group] key: a profile travels by mail, so any byte
 * sequence can arrive, and a value that is not UTF-8 is refused. */
static char *
read_value (GKeyFile    *keyfile,
            const char  *group,
            const char  *key,
            GError     **error)
{
  g_autofree char *raw = NULL;
  g_autofree char *where = NULL;
  char *value;

  if (!g_utf8_validate (key, -1, NULL))
    {
      g_autofree char *shown = g_utf8_make_valid (key, -1);

      g_set_error (error, LCS_PROFILE_ERROR, LCS_PROFILE_ERROR_INVALID,
                   "[%s] %s: the key name is not UTF-8 text", group, shown);
      return NULL;
    }
  where = g_strdup_printf ("[%s] %s", group, key);
  raw = g_key_file_get_value (keyfile, group, key, NULL);
  if (raw == NULL || !g_utf8_validate (raw, -1, NULL))
    {
      g_set_error (error, LCS_PROFILE_ERROR, LCS_PROFILE_ERROR_INVALID,
                   "%s: the value is not UTF-8 text", where);
      return NULL;
    }
  value = unescape_value (raw, where, error);
  return value ? g_strstrip (value) : NULL;
}

/* One record a line, as lcs_record_to_line writes it; the group says the view. */
static gboolean
load_records (GKeyFile    *keyfile,
              const char  *group,
              GPtrArray   *records,
              GError     **error)
{
  g_auto(GStrv) names = g_key_file_get_keys (keyfile, group, NULL, NULL);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *line = read_value (keyfile, group, names[i], error);
      LcsRecord *record;

      if (line == NULL)
        return FALSE;
      record = lcs_record_parse_line (line, error);
      if (record == NULL)
        {
          g_prefix_error (error, "[%s] %s: ", group, names[i]);
          return FALSE;
        }
      g_ptr_array_add (records, record);
    }
  return TRUE;
}

/* A GKeyFile list ("a;b", "\;" inside an item), split and unescaped here for the same GLib 2.74
 * reason as read_value: g_key_file_get_string_list has the same double-set GError. */
static GStrv
read_list (GKeyFile    *keyfile,
           const char  *group,
           const char  *key,
           GError     **error)
{
  g_autoptr(GStrvBuilder) items = g_strv_builder_new ();
  g_autoptr(GString) piece = g_string_new (NULL);
  g_autofree char *raw = g_key_file_get_value (keyfile, group, key, NULL);
  g_autofree char *where = g_strdup_printf ("[%s] %s", group, key);

  if (raw == NULL || !g_utf8_validate (raw, -1, NULL))
    {
      g_set_error (error, LCS_PROFILE_ERROR, LCS_PROFILE_ERROR_INVALID,
                   "%s: the value is not UTF-8 text", where);
      return NULL;
    }
  for (const char *p = raw;; p++)
    {
      if (*p == '\\' && p[1] == ';')
        g_string_append_c (piece, *++p);
      else if (*p == '\\' && p[1] != '\0')
        {
          /* Kept escaped: unescape_value undoes it, or names it. */
          g_string_append_c (piece, *p++);
          g_string_append_c (piece, *p);
        }
      else if (*p == ';' || *p == '\0')
        {
          g_autofree char *item = NULL;

          if (*p == '\0' && piece->len == 0)
            break;
          item = unescape_value (piece->str, where, error);
          if (item == NULL)
            return NULL;
          g_strv_builder_add (items, item);
          g_string_truncate (piece, 0);
          if (*p == '\0')
            break;
        }
      else
        g_string_append_c (piece, *p);
    }
  return g_strv_builder_end (items);
}

static gboolean
load_origins (LcsProfile  *profile,
              GKeyFile    *keyfile,
              LcsView      view,
              char *const *paths,
              const char  *base_dir,
              GError     **error)
{
  g_auto(GStrv) origins = NULL;

  if (!g_key_file_has_key (keyfile, GROUP, origin_keys[view], NULL))
    return TRUE;
  origins = read_list (keyfile, GROUP, origin_keys[view], error);
  if (origins == NULL)
    return FALSE;
  if (g_strv_length (origins) != g_strv_length ((char **) paths))
    {
      g_set_error (error, LCS_PROFILE_ERROR, LCS_PROFILE_ERROR_INVALID,
                   "[%s] %s: the value is not one zone name per file of %s", GROUP,
                   origin_keys[view], zone_keys[view]);
      return FALSE;
    }
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *path = base_dir != NULL ? g_canonicalize_filename (paths[i], base_dir)
                                               : g_strdup (paths[i]);

      if (!lcs_profile_set_zone_origin (profile, path, g_strstrip (origins[i]), error))
        {
          g_prefix_error (error, "[%s] %s: ", GROUP, origin_keys[view]);
          return FALSE;
        }
    }
  return TRUE;
}

/* Zone files are a GKeyFile list ("a.dns;b.dns", a ';' in a name escaped): a path may hold a
 * comma. Relative paths are resolved against @base_dir when there is one. */
static gboolean
load_zones (LcsProfile  *profile,
            GKeyFile    *keyfile,
            LcsView      view,
            const char  *base_dir,
            GError     **error)
{
  g_auto(GStrv) paths = NULL;

  if (!g_key_file_has_key (keyfile, GROUP, zone_keys[view], NULL))
    return TRUE;
  paths = read_list (keyfile, GROUP, zone_keys[view], error);
  if (paths == NULL)
    return FALSE;
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *path = base_dir != NULL ? g_canonicalize_filename (paths[i], base_dir)
                                               : g_strdup (paths[i]);

      if (!lcs_profile_set (profile, zone_keys[view], path, error))
        return FALSE;
    }
  return load_origins (profile, keyfile, view, paths, base_dir, error);
}

static gboolean
is_zone_key (const char *key)
{
  return g_strcmp0 (key, zone_keys[LCS_VIEW_INTERNAL]) == 0 || g_strcmp0 (key, zone_keys[LCS_VIEW_EXTERNAL]) == 0
         || g_strcmp0 (key, origin_keys[LCS_VIEW_INTERNAL]) == 0 || g_strcmp0 (key, origin_keys[LCS_VIEW_EXTERNAL]) == 0;
}

static gboolean
load_key_file (LcsProfile  *profile,
               GKeyFile    *keyfile,
               const char  *base_dir,
               GError     **error)
{
  g_auto(GStrv) keys = NULL;
  guint i;

  if (!g_key_file_has_group (keyfile, GROUP))
    {
      g_set_error (error, LCS_PROFILE_ERROR, LCS_PROFILE_ERROR_INVALID,
                   "no [%s] group: not an lcsdns profile", GROUP);
      return FALSE;
    }
  keys = g_key_file_get_keys (keyfile, GROUP, NULL, NULL);
  for (i = 0; keys[i]; i++)
    {
      g_autofree char *value = NULL;

      if (is_zone_key (keys[i]))
        continue;
      value = read_value (keyfile, GROUP, keys[i], error);
      if (value == NULL || !lcs_profile_set (profile, keys[i], value, error))
        return FALSE;
    }
  if (!load_zones (profile, keyfile, LCS_VIEW_INTERNAL, base_dir, error)
      || !load_zones (profile, keyfile, LCS_VIEW_EXTERNAL, base_dir, error))
    return FALSE;

  if (g_key_file_has_group (keyfile, GROUP_HOSTS))
    {
      g_auto(GStrv) domains = g_key_file_get_keys (keyfile, GROUP_HOSTS, NULL, NULL);

      for (i = 0; domains[i]; i++)
        {
          g_autofree char *host = read_value (keyfile, GROUP_HOSTS, domains[i], error);
          g_autofree char *pair = NULL;

          if (host == NULL)
            return FALSE;
          pair = g_strdup_printf ("%s=%s", domains[i], host);
          if (!lcs_profile_set (profile, "domain-host", pair, error))
            return FALSE;
        }
    }

  if (g_key_file_has_group (keyfile, GROUP_CHECKLIST))
    {
      g_autofree char *done = NULL;

      if (g_key_file_has_key (keyfile, GROUP_CHECKLIST, "done", NULL))
        {
          done = read_value (keyfile, GROUP_CHECKLIST, "done", error);
          if (done == NULL || !lcs_profile_set (profile, "checklist", done, error))
            return FALSE;
        }
    }

  if (!load_records (keyfile, GROUP_RECORDS, profile->records, error)
      || !load_records (keyfile, GROUP_EXTERNAL_RECORDS, profile->external_records, error))
    return FALSE;
  return TRUE;
}

/* GKeyFile quotes a bad line as it is, and an escaped value may hold a newline: the message a
 * user reads is one line of valid UTF-8. */
static void
clean_message (GError *error)
{
  char *clean = g_utf8_make_valid (error->message, -1);

  g_strdelimit (clean, "\r\n\t", ' ');
  g_free (error->message);
  error->message = clean;
}

static LcsProfile *
load_data_at (const char  *data,
              gsize        length,
              const char  *base_dir,
              GError     **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(LcsProfile) profile = lcs_profile_new ();

  g_autoptr(GError) local = NULL;

  if (!g_key_file_load_from_data (keyfile, data, length, G_KEY_FILE_KEEP_COMMENTS, &local) ||
      !load_key_file (profile, keyfile, base_dir, &local))
    {
      clean_message (local);
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  return g_steal_pointer (&profile);
}

LcsProfile *
lcs_profile_load_data (const char  *data,
                       gsize        length,
                       GError     **error)
{
  return load_data_at (data, length, NULL, error);
}

LcsProfile *
lcs_profile_load (const char  *path,
                  GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *base_dir = g_path_get_dirname (absolute);
  gsize length;
  LcsProfile *profile;

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  profile = load_data_at (data, length, base_dir, error);
  if (profile == NULL)
    {
      g_autofree char *shown = g_filename_display_name (path);
      g_prefix_error (error, "%s: ", shown);
    }
  return profile;
}

static char *
join_strings (GPtrArray *array)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  guint i;

  for (i = 0; i < array->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (array, i));
  strv = g_strv_builder_end (builder);
  return g_strjoinv (",", strv);
}

static char *
flags_to_string (guint               flags,
                 const char *const  *names)
{
  if (flags == 3)
    return g_strdup_printf ("%s,%s", names[0], names[1]);
  return g_strdup (names[flags == 2 ? 1 : 0]);
}

/* The fields of later generations, each only when it differs from its default, so that an
 * LCS 2005 profile reads as it always did. */
static void
save_lync_fields (GKeyFile         *keyfile,
                  const LcsProfile *profile)
{
  static const char *const keys[] = {
    "balancing", "web-internal", "web-external", "simple-urls", "edge-webconf", "edge-av", "xmpp",
    "legacy-clients", "hosting",
  };
  g_autoptr(LcsProfile) defaults = lcs_profile_new ();

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *value = lcs_profile_get_text (profile, keys[i]);
      g_autofree char *fallback = lcs_profile_get_text (defaults, keys[i]);

      if (strcmp (value, fallback) != 0)
        g_key_file_set_string (keyfile, GROUP, keys[i], value);
    }
}

/* @path relative to the folder @base_dir, with '/' (which Windows reads too) so that a
 * profile and its zones can move together; @path itself when the two share no root. */
static char *
relative_path (const char *path,
               const char *base_dir)
{
  g_autofree char *absolute = g_canonicalize_filename (path, base_dir);
  g_auto(GStrv) to = g_strsplit_set (absolute, "/\\", -1);
  g_auto(GStrv) from = g_strsplit_set (base_dir, "/\\", -1);
  g_autoptr(GString) out = g_string_new (NULL);
  guint common = 0;

  while (from[common] != NULL && to[common] != NULL && strcmp (from[common], to[common]) == 0)
    common++;
  /* Both start with the root ("" before the first '/', or a drive "C:"): none in common is
   * another drive. */
  if (common == 0)
    return g_steal_pointer (&absolute);
  for (guint i = common; from[i] != NULL; i++)
    if (*from[i] != '\0')
      g_string_append (out, "../");
  for (guint i = common; to[i] != NULL; i++)
    g_string_append_printf (out, "%s%s", to[i], to[i + 1] != NULL ? "/" : "");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
save_zones (GKeyFile         *keyfile,
            const LcsProfile *profile,
            const char       *base_dir)
{
  for (LcsView view = LCS_VIEW_INTERNAL; view <= LCS_VIEW_EXTERNAL; view++)
    {
      GPtrArray *zones = profile->zones[view];
      g_autoptr(GPtrArray) written = g_ptr_array_new_null_terminated (zones->len, g_free, TRUE);
      g_autoptr(GPtrArray) origins = g_ptr_array_new_null_terminated (zones->len, NULL, TRUE);
      gboolean any_origin = FALSE;

      if (zones->len == 0)
        continue;
      for (guint i = 0; i < zones->len; i++)
        {
          const char *path = g_ptr_array_index (zones, i);
          const char *origin = lcs_profile_zone_origin (profile, path);

          g_ptr_array_add (written, base_dir != NULL ? relative_path (path, base_dir) : g_strdup (path));
          g_ptr_array_add (origins, (gpointer) (origin != NULL ? origin : ""));
          any_origin |= origin != NULL;
        }
      g_key_file_set_string_list (keyfile, GROUP, zone_keys[view], (const char *const *) written->pdata,
                                  written->len);
      /* Only when a name was chosen: the profile stays as older versions wrote and read it. */
      if (any_origin)
        g_key_file_set_string_list (keyfile, GROUP, origin_keys[view],
                                    (const char *const *) origins->pdata, origins->len);
    }
}

static char *
profile_to_data_at (const LcsProfile *profile,
                    const char       *base_dir,
                    gsize            *length)
{
  static const char *const clients[] = { "communicator", "messenger" };
  static const char *const transports[] = { "tls", "tcp" };
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *domains = join_strings (profile->domains);
  g_autofree char *client_text = flags_to_string (profile->clients, clients);
  g_autofree char *transport_text = flags_to_string (profile->transports, transports);
  GHashTableIter iter;
  gpointer key, value;
  guint i;

  g_key_file_set_string (keyfile, GROUP, "product", lcs_product_to_string (profile->product));
  g_key_file_set_string (keyfile, GROUP, "edition",
                         profile->edition == LCS_EDITION_ENTERPRISE ? "enterprise" : "standard");
  g_key_file_set_string (keyfile, GROUP, "domains", domains);
  if (profile->pool)
    g_key_file_set_string (keyfile, GROUP, "pool", profile->pool);
  if (profile->pool_ip)
    g_key_file_set_string (keyfile, GROUP, "pool-ip", profile->pool_ip);
  if (profile->members->len > 0)
    {
      GString *members = g_string_new (NULL);

      for (i = 0; i < profile->members->len; i++)
        {
          const LcsMember *m = g_ptr_array_index (profile->members, i);
          g_string_append_printf (members, "%s%s=%s", i ? "," : "", m->fqdn, m->address);
        }
      g_key_file_set_string (keyfile, GROUP, "members", members->str);
      g_string_free (members, TRUE);
    }
  g_key_file_set_string (keyfile, GROUP, "clients", client_text);
  g_key_file_set_string (keyfile, GROUP, "transports", transport_text);
  g_key_file_set_integer (keyfile, GROUP, "tls-port", profile->tls_port);
  g_key_file_set_integer (keyfile, GROUP, "tcp-port", profile->tcp_port);
  if (profile->edge)
    g_key_file_set_string (keyfile, GROUP, "edge", profile->edge);
  if (profile->edge_ip)
    g_key_file_set_string (keyfile, GROUP, "edge-ip", profile->edge_ip);
  g_key_file_set_string (keyfile, GROUP, "federation", profile->federation ? "true" : "false");
  if (profile->internal_dns->len > 0)
    {
      g_autofree char *servers = join_strings (profile->internal_dns);
      g_key_file_set_string (keyfile, GROUP, "internal-dns", servers);
    }
  if (profile->external_dns->len > 0)
    {
      g_autofree char *servers = join_strings (profile->external_dns);
      g_key_file_set_string (keyfile, GROUP, "external-dns", servers);
    }
  g_key_file_set_string (keyfile, GROUP, "matching",
                         profile->matching == LCS_MATCHING_SUFFIX ? "suffix" : "strict");

  save_lync_fields (keyfile, profile);
  save_zones (keyfile, profile, base_dir);

  g_hash_table_iter_init (&iter, profile->domain_hosts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_key_file_set_string (keyfile, GROUP_HOSTS, key, value);

  if (profile->checklist_done->len > 0)
    {
      g_autofree char *done = join_strings (profile->checklist_done);
      g_key_file_set_string (keyfile, GROUP_CHECKLIST, "done", done);
    }

  save_records (keyfile, GROUP_RECORDS, profile->records);
  save_records (keyfile, GROUP_EXTERNAL_RECORDS, profile->external_records);

  return g_key_file_to_data (keyfile, length, NULL);
}

char *
lcs_profile_to_data (const LcsProfile *profile,
                     gsize            *length)
{
  return profile_to_data_at (profile, NULL, length);
}

gboolean
lcs_profile_save (const LcsProfile  *profile,
                  const char        *path,
                  GError           **error)
{
  g_autofree char *data = NULL;
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *base_dir = g_path_get_dirname (absolute);
  gsize length;

  data = profile_to_data_at (profile, base_dir, &length);
  /* Written beside it and renamed over it: a save never leaves half a profile. */
  return lcs_save_contents (path, data, length, error);
}

gboolean
lcs_profile_add_domains_file (LcsProfile  *profile,
                              const char  *path,
                              GError     **error)
{
  g_autofree char *data = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &data, NULL, error))
    return FALSE;
  lines = g_strsplit (data, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line == '\0' || *line == '#')
        continue;
      if (!lcs_profile_set (profile, "domains", line, error))
        {
          g_prefix_error (error, "%s:%u: ", path, i + 1);
          return FALSE;
        }
    }
  return TRUE;
}
