/* The dialog fields as plain data: made, copied, compared and freed. */
#include <lcsdns/model/entry-fields.h>

#include <string.h>

LcsSrvEntry *
lcs_srv_entry_new_full (const char *domain,
                        const char *service,
                        const char *protocol,
                        const char *priority,
                        const char *weight,
                        const char *port,
                        const char *target)
{
  LcsSrvEntry *entry = g_new0 (LcsSrvEntry, 1);

  entry->domain = g_strdup (domain ? domain : "");
  entry->service = g_strdup (service ? service : "");
  entry->protocol = g_strdup (protocol ? protocol : "");
  entry->priority = g_strdup (priority ? priority : "");
  entry->weight = g_strdup (weight ? weight : "");
  entry->port = g_strdup (port ? port : "");
  entry->target = g_strdup (target ? target : "");
  return entry;
}

/* A new record in the dialog: Windows starts Priority, Weight and Port number at 0. */
LcsSrvEntry *
lcs_srv_entry_new (const char *domain)
{
  return lcs_srv_entry_new_full (domain, NULL, NULL, "0", "0", "0", NULL);
}

LcsSrvEntry *
lcs_srv_entry_copy (const LcsSrvEntry *entry)
{
  LcsSrvEntry *copy = g_new0 (LcsSrvEntry, 1);

  copy->domain = g_strdup (entry->domain);
  copy->service = g_strdup (entry->service);
  copy->protocol = g_strdup (entry->protocol);
  copy->priority = g_strdup (entry->priority);
  copy->weight = g_strdup (entry->weight);
  copy->port = g_strdup (entry->port);
  copy->target = g_strdup (entry->target);
  return copy;
}

void
lcs_srv_entry_free (LcsSrvEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->domain);
  g_free (entry->service);
  g_free (entry->protocol);
  g_free (entry->priority);
  g_free (entry->weight);
  g_free (entry->port);
  g_free (entry->target);
  g_free (entry);
}

gboolean
lcs_srv_entry_equal (const LcsSrvEntry *a,
                     const LcsSrvEntry *b)
{
  return g_strcmp0 (a->domain, b->domain) == 0 && g_strcmp0 (a->service, b->service) == 0 &&
         g_strcmp0 (a->protocol, b->protocol) == 0 && g_strcmp0 (a->priority, b->priority) == 0 &&
         g_strcmp0 (a->weight, b->weight) == 0 && g_strcmp0 (a->port, b->port) == 0 &&
         g_strcmp0 (a->target, b->target) == 0;
}

static const char *
or_empty (const char *value)
{
  return value != NULL ? value : "";
}

LcsEntryFields
lcs_srv_entry_diff (const LcsSrvEntry *a,
                    const LcsSrvEntry *b)
{
  const struct { glong offset; LcsEntryFields field; } fields[] = {
    { G_STRUCT_OFFSET (LcsSrvEntry, service), LCS_ENTRY_FIELD_SERVICE },
    { G_STRUCT_OFFSET (LcsSrvEntry, protocol), LCS_ENTRY_FIELD_PROTOCOL },
    { G_STRUCT_OFFSET (LcsSrvEntry, priority), LCS_ENTRY_FIELD_PRIORITY },
    { G_STRUCT_OFFSET (LcsSrvEntry, weight), LCS_ENTRY_FIELD_WEIGHT },
    { G_STRUCT_OFFSET (LcsSrvEntry, port), LCS_ENTRY_FIELD_PORT },
    { G_STRUCT_OFFSET (LcsSrvEntry, target), LCS_ENTRY_FIELD_TARGET },
  };
  LcsEntryFields diff = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    if (strcmp (or_empty (G_STRUCT_MEMBER (const char *, a, fields[i].offset)),
                or_empty (G_STRUCT_MEMBER (const char *, b, fields[i].offset))) != 0)
      diff |= fields[i].field;
  return diff;
}

LcsHostEntry *
lcs_host_entry_new (const char *domain)
{
  LcsHostEntry *entry = g_new0 (LcsHostEntry, 1);

  entry->domain = g_strdup (domain ? domain : "");
  entry->name = g_strdup ("");
  entry->address = g_strdup ("");
  return entry;
}

LcsHostEntry *
lcs_host_entry_copy (const LcsHostEntry *entry)
{
  LcsHostEntry *copy = g_new0 (LcsHostEntry, 1);

  copy->domain = g_strdup (entry->domain);
  copy->name = g_strdup (entry->name);
  copy->address = g_strdup (entry->address);
  return copy;
}

void
lcs_host_entry_free (LcsHostEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->domain);
  g_free (entry->name);
  g_free (entry->address);
  g_free (entry);
}
