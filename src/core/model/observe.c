/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Observations: what DNS holds, from zone files or from servers. */
#include "config.h"

#include <lcsdns/model/observe.h>

#include <lcsdns/model/name.h>
#include <string.h>

#include "arena-private.h"

#define BLOCK_RECORDS 1024
#define MIN_SLOTS     64
#define INDEX_BATCH   256

/* One slot of the owner index: open addressing, linear probing. */
typedef struct {
  guint32 hash;
  guint32 last;   /* index + 1 of the last record at the owner; 0: the slot is free */
} Slot;

/* Where stored records and their strings live. Reference-counted: a copy of the observations
 * shares them instead of copying them (a copy of a 200,000-record zone costs its last, partly
 * filled record block). Only ever appended to, so what is stored once never moves. */
typedef struct {
  LcsArena *arena;
} Memory;

typedef struct {
  /* LcsRecord[BLOCK_RECORDS] each, in @memory or a shared one: pointers stay valid as the store
   * grows, and a full block, which no longer changes, is shared with copies. */
  GPtrArray    *blocks;
  guint         n_records;
  Memory       *memory;    /* the records added here and their strings */
  GPtrArray    *shared;    /* Memory*: that of the observations this was copied from */
  /* The owner index is built on the first lookup, not per record added: loading a zone then
   * costs one pass with a table sized once. Records added later are indexed on the next lookup. */
  guint         n_indexed;
  guint         new_runs;  /* runs of records at one owner among those not indexed yet: at most
                            * that many new owners, so the table is sized for no more */
  guint32      *previous;  /* per indexed record: the previous record at its owner, or
                            * G_MAXUINT32; lcs_huge_alloc0'd, room for n_previous */
  guint         n_previous;
  Slot         *slots;
  guint         n_slots;   /* 0 or a power of two */
  guint         n_owners;
  GPtrArray  *zones;     /* char* origins */
  GHashTable *answers;   /* "type name" → Answer* */
  GHashTable *wildcards; /* domain → probe name */
} View;

typedef struct {
  LcsAnswer  answer;
  char      *name;
  guint16    type;
  char      *server;
} Answer;

struct _LcsObservations {
  View views[2];
};

static Memory *
memory_new (void)
{
  Memory *memory = g_atomic_rc_box_new0 (Memory);

  memory->arena = lcs_arena_new ();
  return memory;
}

static void
memory_clear (Memory *memory)
{
  lcs_arena_free (memory->arena);
}

static void
memory_unref (gpointer memory)
{
  g_atomic_rc_box_release_full (memory, (GDestroyNotify) memory_clear);
}

static LcsRecord *
new_block (View *v)
{
  return lcs_arena_alloc (v->memory->arena, BLOCK_RECORDS * sizeof (LcsRecord),
                          G_ALIGNOF (LcsRecord));
}

static void
answer_free (Answer *answer)
{
  g_free (answer->name);
  g_free (answer->server);
  g_free (answer);
}

const char *
lcs_answer_to_string (LcsAnswer answer)
{
  static const char *const names[] = {
    "unknown", "data", "NODATA", "NXDOMAIN", "SERVFAIL", "REFUSED", "timeout", "unreachable",
    "bad reply",
  };

  return answer < G_N_ELEMENTS (names) ? names[answer] : "unknown";
}

gboolean
lcs_answer_is_failure (LcsAnswer answer)
{
  return answer >= LCS_ANSWER_SERVFAIL;
}

LcsObservations *
lcs_observations_new (void)
{
  LcsObservations *obs = g_new0 (LcsObservations, 1);
  guint i;

  for (i = 0; i < G_N_ELEMENTS (obs->views); i++)
    {
      View *view = &obs->views[i];

      view->blocks = g_ptr_array_new ();
      view->memory = memory_new ();
      view->shared = g_ptr_array_new_with_free_func (memory_unref);
      view->zones = g_ptr_array_new_with_free_func (g_free);
      view->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) answer_free);
      view->wildcards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    }
  return obs;
}

void
lcs_observations_free (LcsObservations *obs)
{
  guint i;

  if (obs == NULL)
    return;
  for (i = 0; i < G_N_ELEMENTS (obs->views); i++)
    {
      View *view = &obs->views[i];

      g_aligned_free (view->slots);
      g_ptr_array_unref (view->blocks);
      g_aligned_free (view->previous);
      memory_unref (view->memory);
      g_ptr_array_unref (view->shared);
      g_ptr_array_unref (view->zones);
      g_hash_table_unref (view->answers);
      g_hash_table_unref (view->wildcards);
    }
  g_free (obs);
}

void
lcs_observations_add_zone (LcsObservations *obs,
                           LcsView          view,
                           const char      *origin)
{
  g_ptr_array_add (obs->views[view].zones, lcs_name_normalize (origin));
}

const char *
lcs_observations_zone_for (const LcsObservations *obs,
                           LcsView                view,
                           const char            *name)
{
  const GPtrArray *zones = obs->views[view].zones;
  const char *best = NULL;
  guint i;

  for (i = 0; i < zones->len; i++)
    {
      const char *origin = g_ptr_array_index (zones, i);
      if (lcs_name_ends_in (name, origin) && (best == NULL || strlen (origin) > strlen (best)))
        best = origin;
    }
  return best;
}

static LcsRecord *
record_at (const View *v,
           guint       index)
{
  return &((LcsRecord *) g_ptr_array_index (v->blocks, index / BLOCK_RECORDS))[index % BLOCK_RECORDS];
}

static guint32
previous_at (const View *v,
             guint32     index)
{
  return v->previous[index];
}

/* A hash of the normalised owner, eight bytes at a step (the byte order does not matter: the
 * index lives only in this process). */
static guint32
hash_name (const char *name)
{
  gsize length = strlen (name);
  guint64 hash = length * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  guint64 word;

  for (; length >= 8; name += 8, length -= 8)
    {
      memcpy (&word, name, 8);
      hash = (hash ^ word) * G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
      hash ^= hash >> 32;
    }
  word = 0;
  memcpy (&word, name, length);
  hash = (hash ^ word) * G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  hash ^= hash >> 29;
  return (guint32) hash;
}

/* The first slot to probe: the high bits of a multiplicative mix, scaled to the table. */
static guint
home_slot (const View *v,
           guint32     hash)
{
  return (guint) (((guint64) (hash * 2654435769u) * v->n_slots) >> 32);
}

/* The slot of @owner (hashed to @hash), or the free slot where it would go. */
static guint
find_slot (const View *v,
           const char *owner,
           guint32     hash)
{
  guint mask = v->n_slots - 1;
  guint i = home_slot (v, hash);

  while (v->slots[i].last != 0
         && (v->slots[i].hash != hash
             || strcmp (record_at (v, v->slots[i].last - 1)->owner, owner) != 0))
    i = (i + 1) & mask;
  return i;
}

/* Room for @n_owners owners at a load of at most one half. */
static void
reserve_slots (View  *v,
               guint  n_owners)
{
  Slot *old = v->slots;
  guint old_size = v->n_slots;
  guint size = MAX (v->n_slots, MIN_SLOTS);
  guint i;

  while (size / 2 < n_owners)
    size *= 2;
  if (size == v->n_slots)
    return;
  v->slots = lcs_huge_alloc0 (size * sizeof (Slot));
  v->n_slots = size;
  for (i = 0; i < old_size; i++)
    if (old[i].last != 0)
      {
        guint j = home_slot (v, old[i].hash);

        while (v->slots[j].last != 0)
          j = (j + 1) & (size - 1);
        v->slots[j] = old[i];
      }
  g_aligned_free (old);
}

/* Room for @n entries of the previous-record links, at least doubled when it grows. */
static void
reserve_previous (View  *v,
                  guint  n)
{
  guint32 *old = v->previous;

  if (n <= v->n_previous)
    return;
  v->n_previous = MAX (n, 2 * v->n_previous);
  v->previous = lcs_huge_alloc0 ((gsize) v->n_previous * sizeof (guint32));
  if (old != NULL)
    memcpy (v->previous, old, v->n_indexed * sizeof (guint32));
  g_aligned_free (old);
}

/* Asks for a slot's cache line early: on a large zone the table is far bigger than the cache,
 * and waiting for each slot in turn costs more than the rest of the index. */
#if defined(__GNUC__)
#define prefetch_slot(v, i) __builtin_prefetch (&(v)->slots[i])
#else
#define prefetch_slot(v, i) ((void) 0)
#endif

/* Indexes the records added since the last lookup, in batches: the owners of a batch are hashed
 * and their slots prefetched first, then each is looked up. */
static void
update_index (View *v)
{
  guint32 hashes[INDEX_BATCH];
  gboolean same[INDEX_BATCH];
  guint slot = 0;
  guint32 first, i;

  if (v->n_indexed == v->n_records)
    return;
  /* Sized for the worst case (every new run of records a new owner), so no slot moves in the
   * loop; a table sized per record would be twice as large on a zone of a million, and every
   * page of it touched. */
  reserve_slots (v, v->n_owners + v->new_runs);
  v->new_runs = 0;
  reserve_previous (v, v->n_records);
  for (first = v->n_indexed; first < v->n_records; first += INDEX_BATCH)
    {
      guint32 end = MIN (first + INDEX_BATCH, v->n_records);

      for (i = first; i < end; i++)
        {
          /* Records at one owner usually follow each other and share the owner's string. */
          same[i - first] = i > v->n_indexed
                            && record_at (v, i)->owner == record_at (v, i - 1)->owner;
          if (!same[i - first])
            {
              hashes[i - first] = hash_name (record_at (v, i)->owner);
              prefetch_slot (v, home_slot (v, hashes[i - first]));
            }
        }
      for (i = first; i < end; i++)
        {
          if (!same[i - first])
            {
              slot = find_slot (v, record_at (v, i)->owner, hashes[i - first]);
              if (v->slots[slot].last == 0)
                {
                  v->slots[slot].hash = hashes[i - first];
                  v->n_owners++;
                }
            }
          v->previous[i] = v->slots[slot].last - 1;
          v->slots[slot].last = i + 1;
        }
    }
  v->n_indexed = v->n_records;
}

/* The index of the last record at @owner (normalised), or G_MAXUINT32. */
static guint32
last_at (const LcsObservations *obs,
         LcsView                view,
         const char            *owner)
{
  /* The index is a cache of the records: building it does not change what @obs holds. */
  View *v = (View *) &obs->views[view];

  update_index (v);
  if (v->n_slots == 0)
    return G_MAXUINT32;
  return v->slots[find_slot (v, owner, hash_name (owner))].last - 1;
}

static char *
store_string (View       *v,
              const char *text)
{
  return lcs_arena_strdup (v->memory->arena, text);
}

/* @tail within the stored @text when @text ends with it: SRV and MX data end with their target,
 * so a zone of a million records need not hold each target twice. */
static char *
tail_of (char       *text,
         const char *tail)
{
  gsize text_length = strlen (text), tail_length = strlen (tail);

  if (tail_length > text_length || strcmp (text + text_length - tail_length, tail) != 0)
    return NULL;
  return text + text_length - tail_length;
}

const LcsRecord *
lcs_observations_add_record (LcsObservations *obs,
                             LcsView          view,
                             const LcsRecord *record)
{
  View *v = &obs->views[view];
  guint32 index = v->n_records;
  LcsRecord *slot;

  if (index % BLOCK_RECORDS == 0)
    g_ptr_array_add (v->blocks, new_block (v));
  slot = record_at (v, index);
  *slot = *record;
  /* Records at one owner usually follow each other: they share one copy of it. */
  if (index > 0 && strcmp (record_at (v, index - 1)->owner, record->owner) == 0)
    slot->owner = record_at (v, index - 1)->owner;
  else
    slot->owner = store_string (v, record->owner);
  if (index == v->n_indexed || slot->owner != record_at (v, index - 1)->owner)
    v->new_runs++;
  slot->rdata = store_string (v, record->rdata);
  /* A, AAAA, CNAME, NS, PTR: the data is the address or the target itself. */
  slot->address = record->address != NULL && g_strcmp0 (record->address, record->rdata) == 0
                    ? slot->rdata : store_string (v, record->address);
  slot->target = record->target != NULL && record->rdata != NULL
                   ? tail_of (slot->rdata, record->target) : NULL;
  if (slot->target == NULL)
    slot->target = store_string (v, record->target);
  v->n_records++;
  return slot;
}

void
lcs_observations_take_record (LcsObservations *obs,
                              LcsView          view,
                              LcsRecord       *record)
{
  lcs_observations_add_record (obs, view, record);
  lcs_record_free (record);
}

/* Room for any name DNS can carry, normalised: lookups run for every record of a zone, so the
 * names asked about are normalised here rather than in a new string each time. */
#define NORMAL_SIZE 256

/* @name normalised, in @buf when it fits there, else in *@heap (for the caller to free). */
static const char *
normalize_into (const char *name,
                char        buf[NORMAL_SIZE],
                char      **heap)
{
  return lcs_name_normalize_into (name, buf, NORMAL_SIZE, heap, NULL);
}

static char *
answer_key (const char *name,
            guint16     type)
{
  g_autofree char *norm = lcs_name_normalize (name);

  return g_strdup_printf ("%u %s", type, norm);
}

void
lcs_observations_set_answer (LcsObservations *obs,
                             LcsView          view,
                             const char      *name,
                             guint16          type,
                             LcsAnswer        answer,
                             const char      *server)
{
  Answer *a = g_new0 (Answer, 1);

  a->answer = answer;
  a->name = lcs_name_normalize (name);
  a->type = type;
  a->server = g_strdup (server);
  g_hash_table_insert (obs->views[view].answers, answer_key (name, type), a);
}

void
lcs_observations_set_wildcard (LcsObservations *obs,
                               LcsView          view,
                               const char      *domain,
                               const char      *probe_name)
{
  g_hash_table_insert (obs->views[view].wildcards, lcs_name_normalize (domain),
                       lcs_name_normalize (probe_name));
}

LcsAnswer
lcs_observations_answer (const LcsObservations *obs,
                         LcsView                view,
                         const char            *name,
                         guint16                type)
{
  const View *v = &obs->views[view];
  char buf[NORMAL_SIZE];
  g_autofree char *heap = NULL;
  const char *norm = normalize_into (name, buf, &heap);
  const Answer *recorded = NULL;
  guint32 i;

  /* Answers are recorded by live checks only. */
  if (g_hash_table_size (v->answers) > 0)
    {
      g_autofree char *key = answer_key (name, type);

      recorded = g_hash_table_lookup (v->answers, key);
    }
  if (recorded)
    return recorded->answer;
  i = last_at (obs, view, norm);
  if (i != G_MAXUINT32)
    {
      for (; i != G_MAXUINT32; i = previous_at (v, i))
        if (record_at (v, i)->type == type)
          return LCS_ANSWER_DATA;
      return LCS_ANSWER_NODATA;
    }
  if (lcs_observations_zone_for (obs, view, norm) != NULL)
    return LCS_ANSWER_NXDOMAIN;
  return LCS_ANSWER_UNKNOWN;
}

GPtrArray *
lcs_observations_lookup (const LcsObservations *obs,
                         LcsView                view,
                         const char            *name,
                         guint16                type)
{
  const View *v = &obs->views[view];
  char buf[NORMAL_SIZE];
  g_autofree char *heap = NULL;
  const char *norm = normalize_into (name, buf, &heap);
  GPtrArray *result = g_ptr_array_new ();
  guint32 i;

  /* The chain runs from the last record back: collect, then reverse to the order added (an
   * insertion at the front would cost k² for k records at one owner). */
  for (i = last_at (obs, view, norm); i != G_MAXUINT32; i = previous_at (v, i))
    {
      LcsRecord *record = record_at (v, i);
      if (type == 0 || record->type == type)
        g_ptr_array_add (result, record);
    }
  for (i = 0; i < result->len / 2; i++)
    {
      gpointer swap = result->pdata[i];

      result->pdata[i] = result->pdata[result->len - 1 - i];
      result->pdata[result->len - 1 - i] = swap;
    }
  return result;
}

/* The index of the last record at @name, written in any case, with or without its final dot. */
static guint32
last_at_name (const LcsObservations *obs,
              LcsView                view,
              const char            *name)
{
  char buf[NORMAL_SIZE];
  g_autofree char *heap = NULL;

  return last_at (obs, view, normalize_into (name, buf, &heap));
}

gboolean
lcs_observations_holds (const LcsObservations *obs,
                        LcsView                view,
                        const char            *name)
{
  return last_at_name (obs, view, name) != G_MAXUINT32;
}

guint
lcs_observations_count_at (const LcsObservations *obs,
                           LcsView                view,
                           const char            *name,
                           guint                  limit)
{
  const View *v = &obs->views[view];
  guint32 i = last_at_name (obs, view, name);
  guint count = 0;

  for (; i != G_MAXUINT32 && count < limit; i = previous_at (v, i))
    count++;
  return count;
}

void
lcs_observations_foreach (const LcsObservations *obs,
                          LcsView                view,
                          guint16                type,
                          LcsRecordFunc          func,
                          gpointer               user_data)
{
  const View *v = &obs->views[view];
  guint i;

  for (i = 0; i < v->n_records; i++)
    {
      const LcsRecord *record = record_at (v, i);
      if (type == 0 || record->type == type)
        func (record, user_data);
    }
}

void
lcs_observations_foreach_failure (const LcsObservations *obs,
                                  LcsView                view,
                                  LcsAnswerFunc          func,
                                  gpointer               user_data)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, obs->views[view].answers);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const Answer *answer = value;
      if (lcs_answer_is_failure (answer->answer))
        func (answer->name, answer->type, answer->answer, answer->server, user_data);
    }
}

GHashTable *
lcs_observations_wildcards (const LcsObservations *obs,
                            LcsView                view)
{
  return obs->views[view].wildcards;
}

gboolean
lcs_observations_has_view (const LcsObservations *obs,
                           LcsView                view)
{
  const View *v = &obs->views[view];

  return v->zones->len > 0 || v->n_records > 0 || g_hash_table_size (v->answers) > 0;
}

LcsObservations *
lcs_observations_copy (const LcsObservations *obs)
{
  LcsObservations *copy = lcs_observations_new ();

  for (guint i = 0; i < G_N_ELEMENTS (obs->views); i++)
    {
      const View *from = &obs->views[i];
      View *to = &copy->views[i];
      GHashTableIter iter;
      gpointer key, value;

      for (guint z = 0; z < from->zones->len; z++)
        g_ptr_array_add (to->zones, g_strdup (g_ptr_array_index (from->zones, z)));
      /* The records and their strings are shared, not copied: only a block that is not full yet
       * (more records may go into it, on either side) is copied. */
      g_ptr_array_add (to->shared, g_atomic_rc_box_acquire (from->memory));
      for (guint s = 0; s < from->shared->len; s++)
        g_ptr_array_add (to->shared, g_atomic_rc_box_acquire (g_ptr_array_index (from->shared, s)));
      for (guint b = 0; b < from->blocks->len; b++)
        {
          guint used = MIN (BLOCK_RECORDS, from->n_records - b * BLOCK_RECORDS);
          LcsRecord *block = g_ptr_array_index (from->blocks, b);

          if (used == BLOCK_RECORDS)
            g_ptr_array_add (to->blocks, block);
          else
            g_ptr_array_add (to->blocks, memcpy (new_block (to), block, used * sizeof (LcsRecord)));
        }
      to->n_records = from->n_records;
      /* The owner index comes too: it is sized for the owners it holds, and one sized for the
       * copy's own new records only would fill up (a lookup then never ends). Copying it is also
       * cheaper than indexing 200,000 records again. */
      to->n_indexed = from->n_indexed;
      to->new_runs = from->new_runs;
      to->n_owners = from->n_owners;
      to->n_slots = from->n_slots;
      if (from->n_slots != 0)
        to->slots = memcpy (lcs_huge_alloc0 (from->n_slots * sizeof (Slot)), from->slots,
                            from->n_slots * sizeof (Slot));
      reserve_previous (to, from->n_indexed);
      if (from->n_indexed > 0)
        memcpy (to->previous, from->previous, from->n_indexed * sizeof (guint32));
      g_hash_table_iter_init (&iter, from->answers);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          const Answer *answer = value;

          lcs_observations_set_answer (copy, i, answer->name, answer->type, answer->answer, answer->server);
        }
      g_hash_table_iter_init (&iter, from->wildcards);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (to->wildcards, g_strdup (key), g_strdup (value));
    }
  return copy;
}

guint
lcs_observations_count (const LcsObservations *obs)
{
  return obs->views[0].n_records + obs->views[1].n_records;
}
