/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Windows New Host dialog: Name and IP address → the host record Windows creates. */
#include "config.h"

#include <lcsdns/check/entry.h>

#include <gio/gio.h>
#include <lcsdns/model/name.h>
#include <string.h>

void
lcs_host_result_free (LcsHostResult *result)
{
  if (result == NULL)
    return;
  g_free (result->fqdn);
  g_free (result->record);
  g_ptr_array_unref (result->findings);
  g_free (result);
}

/* @entry with the Name or the IP address (whichever is not NULL) replaced. */
static LcsHostEntry *
host_entry_with (const LcsHostEntry *entry,
                 const char         *name,
                 const char         *address)
{
  LcsHostEntry *fixed = lcs_host_entry_copy (entry);

  if (name != NULL)
    {
      g_free (fixed->name);
      fixed->name = g_strdup (name);
    }
  if (address != NULL)
    {
      g_free (fixed->address);
      fixed->address = g_strdup (address);
    }
  return fixed;
}

/* @fix_host (taken; may be NULL) is what to type so that this finding goes. */
static void
add_host_finding (LcsHostResult  *result,
                  const char     *rule,
                  LcsEntryFields  fields,
                  const char     *fix,
                  LcsHostEntry   *fix_host,
                  const char     *message)
{
  LcsFinding *finding = lcs_finding_new (rule, LCS_VIEW_INTERNAL, result->fqdn, "%s", message);

  finding->fields = fields;
  finding->fix = g_strdup (fix);
  finding->fix_host = fix_host;
  g_ptr_array_add (result->findings, finding);
}

/* FALSE when Windows refuses the Name; a name with dots it takes, and creates as typed. */
static gboolean
check_host_name (LcsHostResult      *result,
                 const LcsHostEntry *entry)
{
  const char *name = entry->name ? entry->name : "";
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *fix = NULL;

  if (*name == '\0')
    return TRUE;
  if (strchr (name, '.') != NULL)
    {
      g_autofree char *first = g_strndup (name, strcspn (name, "."));
      LcsHostEntry *fix_host = NULL;

      /* Only a first label Windows takes can be typed for the admin. */
      if (lcs_name_validate (first, LCS_NAME_HOST, NULL))
        fix_host = host_entry_with (entry, first, NULL);
      if (lcs_name_ends_in (name, entry->domain))
        message = g_strdup_printf ("“%s” already holds the domain: Windows creates %s",
                                   name, result->fqdn);
      else
        message = g_strdup_printf ("“%s” has dots: Windows creates %s, and a host of another "
                                   "domain belongs in that domain's zone", name, result->fqdn);
      fix = g_strdup_printf ("Name: %s", first);
      add_host_finding (result, "host-name", LCS_ENTRY_FIELD_HOST_NAME,
                        fix, fix_host, message);
      return TRUE;
    }
  if (!lcs_name_validate (name, LCS_NAME_HOST, &error))
    {
      message = g_strdup_printf ("Name: %s", error->message);
      add_host_finding (result, "host-name", LCS_ENTRY_FIELD_HOST_NAME,
                        "Type a host label of letters, digits and hyphens",
                        NULL, message);
      return FALSE;
    }
  return TRUE;
}

static void
check_host_address (LcsHostResult      *result,
                    const LcsHostEntry *entry,
                    const LcsProfile   *profile)
{
  g_autoptr(GInetAddress) address = NULL;
  g_autofree char *message = NULL;
  g_autofree char *fix = NULL;
  guint i;

  address = entry->address && *entry->address ? g_inet_address_new_from_string (entry->address)
                                              : NULL;
  if (address == NULL)
    {
      message = entry->address && *entry->address
                ? g_strdup_printf ("“%s” is not an IPv4 or IPv6 address", entry->address)
                : g_strdup ("IP address is empty");
      fix = profile && profile->pool_ip ? g_strdup_printf ("IP address: %s", profile->pool_ip)
                                        : g_strdup ("Type the server's address");
      add_host_finding (result, "host-address", LCS_ENTRY_FIELD_HOST_ADDRESS,
                        fix,
                        profile && profile->pool_ip ? host_entry_with (entry, NULL, profile->pool_ip)
                                                    : NULL,
                        message);
      return;
    }
  result->type = g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV6 ? LCS_TYPE_AAAA
                                                                             : LCS_TYPE_A;
  if (profile == NULL || profile->edition != LCS_EDITION_ENTERPRISE || profile->pool == NULL ||
      !lcs_name_equal (result->fqdn, profile->pool))
    return;
  for (i = 0; i < profile->members->len; i++)
    {
      const LcsMember *member = g_ptr_array_index (profile->members, i);
      g_autoptr(GInetAddress) member_address = g_inet_address_new_from_string (member->address);

      if (member_address && g_inet_address_equal (member_address, address))
        {
          message = g_strdup_printf ("%s is member server %s; the pool name must point at the "
                                     "load balancer's virtual IP %s", entry->address,
                                     member->fqdn, profile->pool_ip);
          fix = g_strdup_printf ("IP address: %s", profile->pool_ip);
          add_host_finding (result, "pool-vip", LCS_ENTRY_FIELD_HOST_ADDRESS,
                            fix,
                            host_entry_with (entry, NULL, profile->pool_ip), message);
          return;
        }
    }
}

LcsHostResult *
lcs_host_entry_check (const LcsHostEntry *entry,
                      const LcsProfile   *profile)
{
  LcsHostResult *result = g_new0 (LcsHostResult, 1);
  g_autofree char *name = g_strstrip (g_strdup (entry->name ? entry->name : ""));
  gboolean accepted;

  result->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_finding_free);
  /* A blank Name means the zone itself ("uses parent domain name if blank"). */
  if (*name == '\0')
    result->fqdn = lcs_name_normalize (entry->domain);
  else
    {
      g_autofree char *joined = g_strdup_printf ("%s.%s", name, entry->domain);
      result->fqdn = lcs_name_normalize (joined);
    }
  accepted = check_host_name (result, entry);
  check_host_address (result, entry, profile);
  for (guint i = 0; i < result->findings->len; i++)
    if (((LcsFinding *) g_ptr_array_index (result->findings, i))->severity == LCS_SEVERITY_ERROR)
      result->errors++;
  /* What Windows creates, mistakes and all; NULL only where it refuses the values. */
  if (accepted && result->type != 0)
    result->record = g_strdup_printf ("%s %d IN %s %s", result->fqdn, LCS_WINDOWS_TTL,
                                      lcs_type_to_string (result->type), entry->address);
  return result;
}
