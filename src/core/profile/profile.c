/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The deployment profile (docs/spec.md §2), saved as a GKeyFile that admins can read and diff. */
#include "config.h"

#include <lcsdns/profile/profile.h>

#include <gio/gio.h>
#include <lcsdns/model/name.h>
#include <lcsdns/profile/generation.h>
#include <string.h>

G_DEFINE_QUARK (lcs-profile-error-quark, lcs_profile_error)

static const char *const simple_url_names[] = { "meet", "dialin", "admin" };
static const char *const hosting_names[] = { "onprem", "online", "hybrid" };

const char *
lcs_product_to_string (LcsProduct product)
{
  return lcs_generation_get (product)->id;
}

const char *
lcs_product_display_name (LcsProduct product)
{
  return lcs_generation_get (product)->display;
}

const char *
lcs_hosting_to_string (LcsHosting hosting)
{
  return hosting_names[hosting];
}

const char *
lcs_simple_url_to_string (LcsSimpleUrl url)
{
  return simple_url_names[url];
}

static void
lcs_member_free (LcsMember *member)
{
  if (member == NULL)
    return;
  g_free (member->fqdn);
  g_free (member->address);
  g_free (member);
}

static LcsMember *
member_copy (const LcsMember *member)
{
  LcsMember *copy;

  if (member == NULL)
    return NULL;
  copy = g_new0 (LcsMember, 1);
  copy->fqdn = g_strdup (member->fqdn);
  copy->address = g_strdup (member->address);
  return copy;
}

LcsProfile *
lcs_profile_new (void)
{
  LcsProfile *profile = g_new0 (LcsProfile, 1);

  profile->product = LCS_PRODUCT_LCS2005;
  profile->edition = LCS_EDITION_STANDARD;
  profile->domains = g_ptr_array_new_with_free_func (g_free);
  profile->members = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_member_free);
  profile->domain_hosts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  profile->clients = LCS_CLIENT_COMMUNICATOR;
  profile->transports = LCS_TRANSPORT_TLS;
  profile->tls_port = 5061;
  profile->tcp_port = 5060;
  profile->internal_dns = g_ptr_array_new_with_free_func (g_free);
  profile->external_dns = g_ptr_array_new_with_free_func (g_free);
  profile->matching = LCS_MATCHING_STRICT;
  profile->legacy_clients = TRUE;
  profile->checklist_done = g_ptr_array_new_with_free_func (g_free);
  profile->records = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_record_free);
  profile->external_records = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_record_free);
  profile->zones[LCS_VIEW_INTERNAL] = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  profile->zones[LCS_VIEW_EXTERNAL] = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  profile->zone_origins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return profile;
}

void
lcs_profile_free (LcsProfile *profile)
{
  guint i;

  if (profile == NULL)
    return;
  g_ptr_array_unref (profile->domains);
  g_free (profile->pool);
  g_free (profile->pool_ip);
  g_ptr_array_unref (profile->members);
  g_hash_table_unref (profile->domain_hosts);
  g_free (profile->edge);
  g_free (profile->edge_ip);
  g_ptr_array_unref (profile->internal_dns);
  g_ptr_array_unref (profile->external_dns);
  lcs_member_free (profile->web_internal);
  lcs_member_free (profile->web_external);
  for (i = 0; i < LCS_N_SIMPLE_URLS; i++)
    g_free (profile->simple_urls[i]);
  lcs_member_free (profile->edge_webconf);
  lcs_member_free (profile->edge_av);
  g_ptr_array_unref (profile->checklist_done);
  g_ptr_array_unref (profile->records);
  g_ptr_array_unref (profile->external_records);
  g_ptr_array_unref (profile->zones[LCS_VIEW_INTERNAL]);
  g_ptr_array_unref (profile->zones[LCS_VIEW_EXTERNAL]);
  g_hash_table_unref (profile->zone_origins);
  g_free (profile);
}

static void
copy_strings (GPtrArray *to,
              GPtrArray *from)
{
  guint i;

  for (i = 0; i < from->len; i++)
    g_ptr_array_add (to, g_strdup (g_ptr_array_index (from, i)));
}

LcsProfile *
lcs_profile_copy (const LcsProfile *profile)
{
  LcsProfile *copy = lcs_profile_new ();
  GHashTableIter iter;
  gpointer key, value;
  guint i;

  copy->product = profile->product;
  copy->edition = profile->edition;
  copy_strings (copy->domains, profile->domains);
  copy->pool = g_strdup (profile->pool);
  copy->pool_ip = g_strdup (profile->pool_ip);
  for (i = 0; i < profile->members->len; i++)
    g_ptr_array_add (copy->members, member_copy (g_ptr_array_index (profile->members, i)));
  g_hash_table_iter_init (&iter, profile->domain_hosts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->domain_hosts, g_strdup (key), g_strdup (value));
  copy->clients = profile->clients;
  copy->transports = profile->transports;
  copy->tls_port = profile->tls_port;
  copy->tcp_port = profile->tcp_port;
  copy->edge = g_strdup (profile->edge);
  copy->edge_ip = g_strdup (profile->edge_ip);
  copy->federation = profile->federation;
  copy_strings (copy->internal_dns, profile->internal_dns);
  copy_strings (copy->external_dns, profile->external_dns);
  copy->matching = profile->matching;
  copy->balancing = profile->balancing;
  copy->web_internal = member_copy (profile->web_internal);
  copy->web_external = member_copy (profile->web_external);
  for (i = 0; i < LCS_N_SIMPLE_URLS; i++)
    copy->simple_urls[i] = g_strdup (profile->simple_urls[i]);
  copy->edge_webconf = member_copy (profile->edge_webconf);
  copy->edge_av = member_copy (profile->edge_av);
  copy->xmpp = profile->xmpp;
  copy->legacy_clients = profile->legacy_clients;
  copy->hosting = profile->hosting;
  copy_strings (copy->checklist_done, profile->checklist_done);
  for (i = 0; i < profile->records->len; i++)
    g_ptr_array_add (copy->records, lcs_record_copy (g_ptr_array_index (profile->records, i)));
  for (i = 0; i < profile->external_records->len; i++)
    g_ptr_array_add (copy->external_records, lcs_record_copy (g_ptr_array_index (profile->external_records, i)));
  copy_strings (copy->zones[LCS_VIEW_INTERNAL], profile->zones[LCS_VIEW_INTERNAL]);
  copy_strings (copy->zones[LCS_VIEW_EXTERNAL], profile->zones[LCS_VIEW_EXTERNAL]);
  g_hash_table_iter_init (&iter, profile->zone_origins);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->zone_origins, g_strdup (key), g_strdup (value));
  return copy;
}

/* Value parsers: each returns FALSE with a GError naming the key and the value. */

static gboolean
fail (GError    **error,
      const char *key,
      const char *value,
      const char *why)
{
  g_set_error (error, LCS_PROFILE_ERROR, LCS_PROFILE_ERROR_INVALID,
               "%s=%s: %s", key, value, why);
  return FALSE;
}

static char *
parse_host (const char  *key,
            const char  *value,
            GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *norm = lcs_name_bare (value);

  /* Without its final dot: "10.0.0.1." is an address too (kept, it would be saved as "10.0.0.1",
   * which does not load). */
  if (lcs_name_is_address (norm))
    {
      fail (error, key, value, "a host name is needed here, not an address");
      return NULL;
    }
  if (!lcs_name_validate (value, LCS_NAME_HOST, &local))
    {
      fail (error, key, value, local->message);
      return NULL;
    }
  if (strchr (norm, '.') == NULL || strcmp (norm, ".") == 0)
    {
      fail (error, key, value, "a fully qualified name is needed (host.domain)");
      return NULL;
    }
  return g_steal_pointer (&norm);
}

static char *
parse_address (const char  *key,
               const char  *value,
               GError     **error)
{
  g_autoptr(GInetAddress) address = g_inet_address_new_from_string (value);

  if (address == NULL)
    {
      fail (error, key, value, "not an IPv4 or IPv6 address");
      return NULL;
    }
  return g_inet_address_to_string (address);
}

static gboolean
parse_port (const char  *key,
            const char  *value,
            guint16     *port,
            GError     **error)
{
  guint64 number;

  if (!g_ascii_string_to_unsigned (value, 10, 1, 65535, &number, NULL))
    return fail (error, key, value, "a port is a whole number from 1 to 65535");
  *port = (guint16) number;
  return TRUE;
}

static gboolean
parse_bool (const char  *key,
            const char  *value,
            gboolean    *result,
            GError     **error)
{
  if (g_ascii_strcasecmp (value, "true") == 0 || strcmp (value, "1") == 0 ||
      g_ascii_strcasecmp (value, "yes") == 0)
    *result = TRUE;
  else if (g_ascii_strcasecmp (value, "false") == 0 || strcmp (value, "0") == 0 ||
           g_ascii_strcasecmp (value, "no") == 0)
    *result = FALSE;
  else
    return fail (error, key, value, "expected true or false");
  return TRUE;
}

static gboolean
parse_choice (const char         *key,
              const char         *value,
              const char *const  *choices,
              guint               n_choices,
              guint              *result,
              GError            **error)
{
  g_autoptr(GString) why = g_string_new ("expected ");
  guint i;

  for (i = 0; i < n_choices; i++)
    if (g_ascii_strcasecmp (value, choices[i]) == 0)
      {
        *result = i;
        return TRUE;
      }
  /* The choice tables are not NULL-terminated: join exactly n_choices of them. */
  for (i = 0; i < n_choices; i++)
    g_string_append_printf (why, "%s%s", i ? "|" : "", choices[i]);
  return fail (error, key, value, why->str);
}

static gboolean
parse_flags (const char         *key,
             const char         *value,
             const char *const  *names,
             guint               n_names,
             guint              *result,
             GError            **error)
{
  g_auto(GStrv) parts = g_strsplit (value, ",", -1);
  guint flags = 0;
  guint i;

  for (i = 0; parts[i]; i++)
    {
      const char *part = g_strstrip (parts[i]);
      guint index;

      if (*part == '\0')
        continue;
      if (n_names == 2 && g_ascii_strcasecmp (part, "both") == 0)
        {
          flags |= 3;
          continue;
        }
      if (!parse_choice (key, part, names, n_names, &index, error))
        return FALSE;
      flags |= 1u << index;
    }
  if (flags == 0)
    return fail (error, key, value, "at least one value is needed");
  *result = flags;
  return TRUE;
}

static gboolean
parse_server (const char  *key,
              const char  *value,
              GError     **error)
{
  g_autofree char *host = NULL;
  const char *colon = strrchr (value, ':');
  const char *close = strchr (value, ']');
  guint16 port;

  /* IPv6 with a port is written [addr]:port; a bare IPv6 has several colons. */
  if (value[0] == '[' && close != NULL)
    {
      host = g_strndup (value + 1, close - value - 1);
      if (close[1] == ':' && !parse_port (key, close + 2, &port, error))
        return FALSE;
    }
  else if (colon != NULL && strchr (value, ':') == colon)
    {
      host = g_strndup (value, colon - value);
      if (!parse_port (key, colon + 1, &port, error))
        return FALSE;
    }
  else
    host = g_strdup (value);
  if (!lcs_name_is_address (host))
    return fail (error, key, value, "a DNS server is given as IP[:port]");
  return TRUE;
}

/* "FQDN=IP" (a member) or "DOMAIN=HOST" (a domain host), normalised. */
static char *
parse_pair (const char  *key,
            const char  *part,
            gboolean     address_right,
            GError     **error)
{
  const char *eq = strchr (part, '=');
  g_autofree char *left_text = NULL;
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;

  if (eq == NULL)
    {
      fail (error, key, part, address_right ? "expected FQDN=IP"
                                            : "a domain host is given as DOMAIN=HOST");
      return NULL;
    }
  left_text = g_strndup (part, eq - part);
  left = parse_host (key, left_text, error);
  if (left == NULL)
    return NULL;
  right = address_right ? parse_address (key, eq + 1, error) : parse_host (key, eq + 1, error);
  if (right == NULL)
    return NULL;
  return g_strdup_printf ("%s=%s", left, right);
}

static GPtrArray *
string_list_for (LcsProfile *profile,
                 const char *key)
{
  if (strcmp (key, "internal-dns") == 0)
    return profile->internal_dns;
  if (strcmp (key, "external-dns") == 0)
    return profile->external_dns;
  return NULL;
}

static gboolean
set_list (LcsProfile  *profile,
          const char  *key,
          const char  *value,
          GError     **error)
{
  g_auto(GStrv) parts = g_strsplit_set (value, ",;", -1);
  g_autoptr(GPtrArray) staged = g_ptr_array_new_with_free_func (g_free);
  guint i;

  /* Validate every element before changing anything. */
  for (i = 0; parts[i]; i++)
    {
      const char *part = g_strstrip (parts[i]);

      if (*part == '\0')
        continue;
      if (strcmp (key, "domains") == 0)
        {
          char *domain = parse_host (key, part, error);
          if (domain == NULL)
            return FALSE;
          g_ptr_array_add (staged, domain);
        }
      else if (strcmp (key, "members") == 0 || strcmp (key, "domain-host") == 0)
        {
          char *pair = parse_pair (key, part, strcmp (key, "members") == 0, error);
          if (pair == NULL)
            return FALSE;
          g_ptr_array_add (staged, pair);
        }
      else if (strcmp (key, "checklist") == 0)
        g_ptr_array_add (staged, g_strdup (part));
      else
        {
          if (!parse_server (key, part, error))
            return FALSE;
          g_ptr_array_add (staged, g_strdup (part));
        }
    }

  for (i = 0; i < staged->len; i++)
    {
      const char *item = g_ptr_array_index (staged, i);

      if (strcmp (key, "domains") == 0)
        {
          if (!g_ptr_array_find_with_equal_func (profile->domains, item, g_str_equal, NULL))
            g_ptr_array_add (profile->domains, g_strdup (item));
        }
      else if (strcmp (key, "members") == 0 || strcmp (key, "domain-host") == 0)
        {
          const char *eq = strchr (item, '=');
          char *left = g_strndup (item, eq - item);

          if (strcmp (key, "domain-host") == 0)
            g_hash_table_insert (profile->domain_hosts, left, g_strdup (eq + 1));
          else
            {
              LcsMember *member = g_new0 (LcsMember, 1);
              member->fqdn = left;
              member->address = g_strdup (eq + 1);
              g_ptr_array_add (profile->members, member);
            }
        }
      else if (strcmp (key, "checklist") == 0)
        g_ptr_array_add (profile->checklist_done, g_strdup (item));
      else
        g_ptr_array_add (string_list_for (profile, key), g_strdup (item));
    }
  return TRUE;
}

static gboolean
replace_string (char       **field,
                char        *value)
{
  if (value == NULL)
    return FALSE;
  g_free (*field);
  *field = value;
  return TRUE;
}

/* "FQDN=IP" into one host and address (web services, Edge services). */
static gboolean
set_member (LcsMember  **field,
            const char  *key,
            const char  *value,
            GError     **error)
{
  g_autofree char *pair = parse_pair (key, value, TRUE, error);
  const char *eq;
  LcsMember *member;

  if (pair == NULL)
    return FALSE;
  eq = strchr (pair, '=');
  member = g_new0 (LcsMember, 1);
  member->fqdn = g_strndup (pair, eq - pair);
  member->address = g_strdup (eq + 1);
  lcs_member_free (*field);
  *field = member;
  return TRUE;
}

/* "meet=FQDN,dialin=FQDN": each named simple URL is set, the others kept. */
static gboolean
set_simple_urls (LcsProfile  *profile,
                 const char  *key,
                 const char  *value,
                 GError     **error)
{
  g_auto(GStrv) parts = g_strsplit_set (value, ",;", -1);
  char *staged[LCS_N_SIMPLE_URLS] = { NULL };
  gboolean ok = TRUE;
  guint i, kind;

  for (i = 0; ok && parts[i]; i++)
    {
      const char *part = g_strstrip (parts[i]);
      const char *eq = strchr (part, '=');
      g_autofree char *name = eq ? g_strndup (part, eq - part) : NULL;

      if (*part == '\0')
        continue;
      if (eq == NULL)
        ok = fail (error, key, part, "expected meet=FQDN, dialin=FQDN or admin=FQDN");
      else if (parse_choice (key, name, simple_url_names, LCS_N_SIMPLE_URLS, &kind, error))
        {
          g_free (staged[kind]);
          staged[kind] = parse_host (key, eq + 1, error);
          ok = staged[kind] != NULL;
        }
      else
        ok = FALSE;
    }
  for (i = 0; i < LCS_N_SIMPLE_URLS; i++)
    {
      if (ok && staged[i] != NULL)
        {
          g_free (profile->simple_urls[i]);
          profile->simple_urls[i] = staged[i];
        }
      else
        g_free (staged[i]);
    }
  return ok;
}

static gboolean
set_product (LcsProfile  *profile,
             const char  *key,
             const char  *value,
             GError     **error)
{
  g_autoptr(GString) why = g_string_new ("expected ");
  LcsProduct product;
  guint i;

  if (lcs_generation_find (value, &product))
    {
      profile->product = product;
      return TRUE;
    }
  for (i = 0; i < lcs_generations_count (); i++)
    g_string_append_printf (why, "%s%s", i ? "|" : "", lcs_generation_get (i)->id);
  return fail (error, key, value, why->str);
}

gboolean
lcs_profile_set (LcsProfile  *profile,
                 const char  *key,
                 const char  *value,
                 GError     **error)
{
  static const char *const editions[] = { "standard", "enterprise" };
  static const char *const clients[] = { "communicator", "messenger" };
  static const char *const transports[] = { "tls", "tcp" };
  static const char *const matchings[] = { "strict", "suffix" };
  static const char *const balancings[] = { "hardware", "dns" };
  guint choice;

  g_return_val_if_fail (key != NULL, FALSE);
  if (value == NULL)
    value = "";

  if (strcmp (key, "product") == 0)
    return set_product (profile, key, value, error);
  else if (strcmp (key, "balancing") == 0)
    {
      if (!parse_choice (key, value, balancings, 2, &choice, error))
        return FALSE;
      profile->balancing = choice == 0 ? LCS_BALANCING_HARDWARE : LCS_BALANCING_DNS;
    }
  else if (strcmp (key, "hosting") == 0)
    {
      if (!parse_choice (key, value, hosting_names, G_N_ELEMENTS (hosting_names), &choice, error))
        return FALSE;
      profile->hosting = choice;
    }
  else if (strcmp (key, "web-internal") == 0)
    return set_member (&profile->web_internal, key, value, error);
  else if (strcmp (key, "web-external") == 0)
    return set_member (&profile->web_external, key, value, error);
  else if (strcmp (key, "edge-webconf") == 0)
    return set_member (&profile->edge_webconf, key, value, error);
  else if (strcmp (key, "edge-av") == 0)
    return set_member (&profile->edge_av, key, value, error);
  else if (strcmp (key, "simple-urls") == 0 || strcmp (key, "simple-url") == 0)
    return set_simple_urls (profile, key, value, error);
  else if (strcmp (key, "xmpp") == 0)
    return parse_bool (key, value, &profile->xmpp, error);
  else if (strcmp (key, "legacy-clients") == 0)
    return parse_bool (key, value, &profile->legacy_clients, error);
  else if (strcmp (key, "edition") == 0)
    {
      if (!parse_choice (key, value, editions, 2, &choice, error))
        return FALSE;
      profile->edition = choice;
    }
  else if (strcmp (key, "matching") == 0)
    {
      if (!parse_choice (key, value, matchings, 2, &choice, error))
        return FALSE;
      profile->matching = choice;
    }
  else if (strcmp (key, "clients") == 0)
    {
      if (!parse_flags (key, value, clients, 2, &choice, error))
        return FALSE;
      profile->clients = choice;
    }
  else if (strcmp (key, "transports") == 0 || strcmp (key, "transport") == 0)
    {
      if (!parse_flags (key, value, transports, 2, &choice, error))
        return FALSE;
      profile->transports = choice;
    }
  else if (strcmp (key, "pool") == 0)
    return replace_string (&profile->pool, parse_host (key, value, error));
  else if (strcmp (key, "edge") == 0)
    return replace_string (&profile->edge, parse_host (key, value, error));
  else if (strcmp (key, "pool-ip") == 0)
    return replace_string (&profile->pool_ip, parse_address (key, value, error));
  else if (strcmp (key, "edge-ip") == 0)
    return replace_string (&profile->edge_ip, parse_address (key, value, error));
  else if (strcmp (key, "tls-port") == 0)
    return parse_port (key, value, &profile->tls_port, error);
  else if (strcmp (key, "tcp-port") == 0)
    return parse_port (key, value, &profile->tcp_port, error);
  else if (strcmp (key, "federation") == 0)
    return parse_bool (key, value, &profile->federation, error);
  else if (strcmp (key, "zones-internal") == 0 || strcmp (key, "zones-external") == 0)
    {
      if (*value == '\0')
        return fail (error, key, value, "the zone file's path is empty");
      lcs_profile_add_zone (profile, strcmp (key, "zones-internal") == 0 ? LCS_VIEW_INTERNAL
                                                                        : LCS_VIEW_EXTERNAL, value);
    }
  else if (strcmp (key, "domains") == 0 || strcmp (key, "members") == 0 ||
           strcmp (key, "domain-host") == 0 || strcmp (key, "internal-dns") == 0 ||
           strcmp (key, "external-dns") == 0 || strcmp (key, "checklist") == 0)
    return set_list (profile, key, value, error);
  else
    {
      g_set_error (error, LCS_PROFILE_ERROR, LCS_PROFILE_ERROR_INVALID,
                   "%s: unknown profile key", key);
      return FALSE;
    }
  return TRUE;
}

static char *
member_text (const LcsMember *member)
{
  return member != NULL ? g_strdup_printf ("%s=%s", member->fqdn, member->address) : g_strdup ("");
}

char *
lcs_profile_get_text (const LcsProfile *profile,
                      const char       *key)
{
  if (strcmp (key, "balancing") == 0)
    return g_strdup (profile->balancing == LCS_BALANCING_DNS ? "dns"
                     : profile->balancing == LCS_BALANCING_HARDWARE ? "hardware" : "");
  if (strcmp (key, "web-internal") == 0)
    return member_text (profile->web_internal);
  if (strcmp (key, "web-external") == 0)
    return member_text (profile->web_external);
  if (strcmp (key, "edge-webconf") == 0)
    return member_text (profile->edge_webconf);
  if (strcmp (key, "edge-av") == 0)
    return member_text (profile->edge_av);
  if (strcmp (key, "xmpp") == 0)
    return g_strdup (profile->xmpp ? "true" : "false");
  if (strcmp (key, "legacy-clients") == 0)
    return g_strdup (profile->legacy_clients ? "true" : "false");
  if (strcmp (key, "hosting") == 0)
    return g_strdup (lcs_hosting_to_string (profile->hosting));
  if (strcmp (key, "simple-urls") == 0)
    {
      GString *urls = g_string_new (NULL);

      for (guint i = 0; i < LCS_N_SIMPLE_URLS; i++)
        if (profile->simple_urls[i] != NULL)
          g_string_append_printf (urls, "%s%s=%s", urls->len ? "," : "", lcs_simple_url_to_string (i),
                                  profile->simple_urls[i]);
      return g_string_free (urls, FALSE);
    }
  return NULL;
}

static void
unset_string (char **field)
{
  g_clear_pointer (field, g_free);
}

static void
unset_member (LcsMember **field)
{
  g_clear_pointer (field, lcs_member_free);
}

gboolean
lcs_profile_unset (LcsProfile *profile,
                   const char *key)
{
  g_autoptr(LcsProfile) defaults = lcs_profile_new ();

  if (strcmp (key, "product") == 0)
    profile->product = defaults->product;
  else if (strcmp (key, "edition") == 0)
    profile->edition = defaults->edition;
  else if (strcmp (key, "matching") == 0)
    profile->matching = defaults->matching;
  else if (strcmp (key, "clients") == 0)
    profile->clients = defaults->clients;
  else if (strcmp (key, "transports") == 0 || strcmp (key, "transport") == 0)
    profile->transports = defaults->transports;
  else if (strcmp (key, "tls-port") == 0)
    profile->tls_port = defaults->tls_port;
  else if (strcmp (key, "tcp-port") == 0)
    profile->tcp_port = defaults->tcp_port;
  else if (strcmp (key, "federation") == 0)
    profile->federation = defaults->federation;
  else if (strcmp (key, "xmpp") == 0)
    profile->xmpp = defaults->xmpp;
  else if (strcmp (key, "legacy-clients") == 0)
    profile->legacy_clients = defaults->legacy_clients;
  else if (strcmp (key, "balancing") == 0)
    profile->balancing = defaults->balancing;
  else if (strcmp (key, "hosting") == 0)
    profile->hosting = defaults->hosting;
  else if (strcmp (key, "pool") == 0)
    unset_string (&profile->pool);
  else if (strcmp (key, "pool-ip") == 0)
    unset_string (&profile->pool_ip);
  else if (strcmp (key, "edge") == 0)
    unset_string (&profile->edge);
  else if (strcmp (key, "edge-ip") == 0)
    unset_string (&profile->edge_ip);
  else if (strcmp (key, "web-internal") == 0)
    unset_member (&profile->web_internal);
  else if (strcmp (key, "web-external") == 0)
    unset_member (&profile->web_external);
  else if (strcmp (key, "edge-webconf") == 0)
    unset_member (&profile->edge_webconf);
  else if (strcmp (key, "edge-av") == 0)
    unset_member (&profile->edge_av);
  else if (strcmp (key, "simple-urls") == 0)
    for (guint i = 0; i < LCS_N_SIMPLE_URLS; i++)
      unset_string (&profile->simple_urls[i]);
  else if (strcmp (key, "domain-host") == 0)
    g_hash_table_remove_all (profile->domain_hosts);
  else if (strcmp (key, "domains") == 0)
    g_ptr_array_set_size (profile->domains, 0);
  else if (strcmp (key, "members") == 0)
    g_ptr_array_set_size (profile->members, 0);
  else if (strcmp (key, "checklist") == 0)
    g_ptr_array_set_size (profile->checklist_done, 0);
  else if (strcmp (key, "internal-dns") == 0 || strcmp (key, "external-dns") == 0)
    g_ptr_array_set_size (string_list_for (profile, key), 0);
  else if (strcmp (key, "zones-internal") == 0 || strcmp (key, "zones-external") == 0)
    g_ptr_array_set_size (profile->zones[strcmp (key, "zones-internal") == 0 ? LCS_VIEW_INTERNAL
                                                                             : LCS_VIEW_EXTERNAL], 0);
  else
    return FALSE;
  return TRUE;
}

gboolean
lcs_profile_add_zone (LcsProfile *profile,
                      LcsView     view,
                      const char *path)
{
  if (g_ptr_array_find_with_equal_func (profile->zones[view], path, g_str_equal, NULL))
    return FALSE;
  g_ptr_array_add (profile->zones[view], g_strdup (path));
  return TRUE;
}

gboolean
lcs_profile_validate (const LcsProfile  *profile,
                      GError           **error)
{
  const char *missing = NULL;
  gboolean onprem = profile->hosting != LCS_HOSTING_ONLINE;
  g_autoptr(GPtrArray) pool_addresses = lcs_profile_pool_addresses (profile);

  if (profile->domains->len == 0)
    missing = "domains (at least one SIP domain)";
  else if (onprem && profile->pool == NULL)
    missing = "pool (the server or pool FQDN)";
  else if (onprem && pool_addresses->len == 0)
    missing = lcs_profile_balancing (profile) == LCS_BALANCING_DNS &&
              profile->edition == LCS_EDITION_ENTERPRISE
              ? "pool-ip or members (the Front Ends' addresses, with DNS balancing)"
              : "pool-ip (the server IP or the pool's virtual IP)";
  else if (profile->edge != NULL && profile->edge_ip == NULL)
    missing = "edge-ip (the edge's public IP)";
  /* Microsoft: a hybrid deployment federates with Online through the on-premises Edge. */
  else if (profile->hosting == LCS_HOSTING_HYBRID && profile->edge == NULL)
    missing = "edge (a hybrid deployment federates with Online through the Edge)";
  if (missing != NULL)
    {
      g_set_error (error, LCS_PROFILE_ERROR, LCS_PROFILE_ERROR_INCOMPLETE,
                   "the profile has no %s", missing);
      return FALSE;
    }
  return TRUE;
}

LcsBalancing
lcs_profile_balancing (const LcsProfile *profile)
{
  if (profile->balancing != LCS_BALANCING_DEFAULT)
    return profile->balancing;
  return lcs_generation_get (profile->product)->dns_balancing ? LCS_BALANCING_DNS
                                                              : LCS_BALANCING_HARDWARE;
}

GPtrArray *
lcs_profile_pool_addresses (const LcsProfile *profile)
{
  GPtrArray *addresses = g_ptr_array_new ();
  guint i;

  /* With DNS balancing the pool's name carries every Front End's address, not a VIP. */
  if (profile->edition == LCS_EDITION_ENTERPRISE && profile->members->len > 0 &&
      lcs_profile_balancing (profile) == LCS_BALANCING_DNS)
    for (i = 0; i < profile->members->len; i++)
      g_ptr_array_add (addresses, ((LcsMember *) g_ptr_array_index (profile->members, i))->address);
  else if (profile->pool_ip != NULL)
    g_ptr_array_add (addresses, profile->pool_ip);
  return addresses;
}

char *
lcs_profile_host_for_domain (const LcsProfile *profile,
                             const char       *domain)
{
  const char *host;

  if (profile->pool && lcs_profile_target_matches (profile, profile->pool, domain))
    return g_strdup (profile->pool);
  host = g_hash_table_lookup (profile->domain_hosts, domain);
  if (host)
    return g_strdup (host);
  return g_strdup_printf ("sip.%s", domain);
}

GPtrArray *
lcs_profile_records (const LcsProfile *profile,
                     LcsView           view)
{
  return view == LCS_VIEW_EXTERNAL ? profile->external_records : profile->records;
}

char *
lcs_profile_edge_for_domain (const LcsProfile *profile,
                             const char       *domain)
{
  if (profile->edge == NULL)
    return NULL;
  if (lcs_profile_target_matches (profile, profile->edge, domain))
    return g_strdup (profile->edge);
  return g_strdup_printf ("sip.%s", domain);
}

gboolean
lcs_profile_target_matches (const LcsProfile *profile,
                            const char       *target,
                            const char       *domain)
{
  if (profile->matching == LCS_MATCHING_SUFFIX)
    return lcs_name_ends_in (target, domain) && !lcs_name_equal (target, domain);
  return lcs_name_parent_is (target, domain);
}

const char *
lcs_profile_zone_origin (const LcsProfile *profile,
                         const char       *path)
{
  return g_hash_table_lookup (profile->zone_origins, path);
}

gboolean
lcs_profile_zone_origin_valid (const char  *origin,
                               GError     **error)
{
  g_autoptr(GError) local = NULL;

  /* A zone is named as an owner is (Windows has _msdcs.<forest>); the root is no import. */
  if (origin != NULL && strcmp (origin, ".") == 0)
    {
      g_set_error_literal (error, LCS_PROFILE_ERROR, LCS_PROFILE_ERROR_INVALID,
                           "the root cannot be an imported zone");
      return FALSE;
    }
  if (!lcs_name_validate (origin, LCS_NAME_OWNER, &local))
    {
      g_set_error_literal (error, LCS_PROFILE_ERROR, LCS_PROFILE_ERROR_INVALID, local->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
lcs_profile_set_zone_origin (LcsProfile  *profile,
                             const char  *path,
                             const char  *origin,
                             GError     **error)
{
  g_autoptr(GError) local = NULL;

  if (origin == NULL || *origin == '\0')
    {
      g_hash_table_remove (profile->zone_origins, path);
      return TRUE;
    }
  if (!lcs_profile_zone_origin_valid (origin, &local))
    {
      g_set_error (error, LCS_PROFILE_ERROR, LCS_PROFILE_ERROR_INVALID,
                   "zone name \"%s\" of %s: %s", origin, path, local->message);
      return FALSE;
    }
  g_hash_table_insert (profile->zone_origins, g_strdup (path), lcs_name_normalize (origin));
  return TRUE;
}
