/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Zone files read in a GTask thread; chunks handed to the main context as they fill. */
#include "config.h"

#include "lcs-zone-loader.h"

#include <string.h>
#include <lcsdns/zone/zone.h>

#include "lcs-zone-contents.h"

typedef struct {
  GStrv             zones[2];
  GHashTable       *origins;   /* the profile's zone_origins, copied: path → zone name */
  LcsProfile       *profile;   /* NULL: read only */
  LcsZoneSet       *set;       /* the set to read the files into, or the one read already */
  gboolean          read;      /* FALSE: @set is read already, check only */
  LcsZoneChunkFunc  chunk_func;
  gpointer          chunk_data;
} LoadData;

typedef struct {
  LcsZoneSet      *set;
  LcsReport       *report;
  LcsObservations *obs;
} LoadResult;

/* One file being read in the thread. */
typedef struct {
  GTask      *task;
  LcsView     view;
  guint       index;
  GPtrArray  *batch;    /* const LcsRecord*, the set's own */
  GHashTable *parents;  /* each owner without its first label, for the folders */
} FileRead;

typedef struct {
  GTask        *task;
  LcsZoneChunk  chunk;
} ChunkMessage;

static void
load_data_free (LoadData *data)
{
  g_strfreev (data->zones[LCS_VIEW_INTERNAL]);
  g_strfreev (data->zones[LCS_VIEW_EXTERNAL]);
  g_clear_pointer (&data->origins, g_hash_table_unref);
  g_clear_pointer (&data->profile, lcs_profile_free);
  g_clear_pointer (&data->set, lcs_zone_set_unref);
  g_free (data);
}

static void
load_result_free (LoadResult *result)
{
  g_clear_pointer (&result->set, lcs_zone_set_unref);
  g_clear_pointer (&result->report, lcs_report_free);
  g_clear_pointer (&result->obs, lcs_observations_free);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadResult, load_result_free)

static void
chunk_message_free (ChunkMessage *message)
{
  g_clear_pointer (&message->chunk.records, g_ptr_array_unref);
  g_clear_pointer (&message->chunk.folders, g_ptr_array_unref);
  g_free (message->chunk.origin);
  g_object_unref (message->task);
  g_free (message);
}

/* In the main context: a cancelled load hands nothing more to the window. */
static gboolean
deliver_chunk (gpointer user_data)
{
  ChunkMessage *message = user_data;
  LoadData *data = g_task_get_task_data (message->task);

  if (!g_cancellable_is_cancelled (g_task_get_cancellable (message->task)))
    data->chunk_func (&message->chunk, data->chunk_data);
  return G_SOURCE_REMOVE;
}

static void
send_chunk (FileRead   *file,
            char       *origin,
            GPtrArray  *folders)
{
  ChunkMessage *message = g_new0 (ChunkMessage, 1);
  GSource *source;

  message->task = g_object_ref (file->task);
  message->chunk.view = file->view;
  message->chunk.index = file->index;
  message->chunk.records = g_steal_pointer (&file->batch);
  message->chunk.origin = origin;
  message->chunk.folders = folders;
  file->batch = g_ptr_array_new ();
  /* An idle source, not g_main_context_invoke: that calls the function right here, in this
   * thread, whenever no thread holds the main context at that moment. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, deliver_chunk, message, (GDestroyNotify) chunk_message_free);
  g_source_attach (source, g_task_get_context (file->task));
  g_source_unref (source);
}

static void
on_record_read (const LcsRecord *record,
                gpointer         user_data)
{
  FileRead *file = user_data;
  const char *dot = strchr (record->owner, '.');

  if (dot != NULL && dot[1] != '\0' && !g_hash_table_contains (file->parents, dot + 1))
    g_hash_table_add (file->parents, g_strdup (dot + 1));
  g_ptr_array_add (file->batch, (gpointer) record);
  if (file->batch->len >= LCS_ZONE_CHUNK_RECORDS
      && !g_cancellable_is_cancelled (g_task_get_cancellable (file->task)))
    send_chunk (file, NULL, NULL);
}

static gboolean
read_file (GTask       *task,
           LcsZoneSet  *set,
           LcsView      view,
           guint        index,
           const char  *path,
           GError     **error)
{
  g_autoptr(GHashTable) parents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  FileRead file = { task, view, index, NULL, parents };
  g_autofree char *origin = NULL;
  gboolean ok;

  file.batch = g_ptr_array_new ();
  /* The set keeps what the check needs (the records as observations, the file's zone-syntax
   * findings); the window gets its records in chunks, not copied: the set's own. The file is
   * read as the zone the profile names for it, if it does. */
  ok = lcs_zone_set_read_file (set, view, path,
                               g_hash_table_lookup (((LoadData *) g_task_get_task_data (task))->origins, path),
                               on_record_read, &file, &origin, error);
  if (ok)
    {
      char *lower = g_ascii_strdown (origin, -1);

      send_chunk (&file, lower, lcs_zone_folders (parents, lower));
    }
  g_ptr_array_unref (file.batch);
  return ok;
}

/* Reads the files into the set (unless it is read already), then checks it with the profile. */
static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(LoadResult) result = g_new0 (LoadResult, 1);
  GError *error = NULL;

  result->set = lcs_zone_set_ref (data->set);
  if (data->read)
    {
      for (int view = LCS_VIEW_INTERNAL; view <= LCS_VIEW_EXTERNAL; view++)
        for (guint i = 0; data->zones[view] != NULL && data->zones[view][i] != NULL; i++)
          {
            if (g_task_return_error_if_cancelled (task))
              return;
            if (!read_file (task, result->set, view, i, data->zones[view][i], &error))
              {
                g_task_return_error (task, error);
                return;
              }
          }
    }
  /* As the console checks offline: the records the admin added count as part of the zones. */
  if (data->profile != NULL && !g_cancellable_is_cancelled (cancellable))
    result->report = lcs_check_zone_set (data->profile, result->set, TRUE, LCS_REPORT_MAX_LISTED, &result->obs);
  if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) load_result_free);
}

void
lcs_zone_loader_run_async (gpointer             source_object,
                           LcsZoneSet          *set,
                           char *const         *zones[2],
                           GHashTable          *origins,
                           const LcsProfile    *profile,
                           LcsZoneChunkFunc     chunk_func,
                           gpointer             chunk_data,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (source_object, cancellable, callback, user_data);
  LoadData *data = g_new0 (LoadData, 1);

  data->set = lcs_zone_set_ref (set);
  data->read = TRUE;
  data->zones[LCS_VIEW_INTERNAL] = g_strdupv ((char **) zones[LCS_VIEW_INTERNAL]);
  data->zones[LCS_VIEW_EXTERNAL] = g_strdupv ((char **) zones[LCS_VIEW_EXTERNAL]);
  data->origins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (origins != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, origins);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (data->origins, g_strdup (key), g_strdup (value));
    }
  /* The thread reads its own copy: the window may change the profile meanwhile. */
  data->profile = profile != NULL ? lcs_profile_copy (profile) : NULL;
  data->chunk_func = chunk_func;
  data->chunk_data = chunk_data;
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_set_source_tag (task, lcs_zone_loader_run_async);
  g_task_run_in_thread (task, run_in_thread);
}

void
lcs_zone_loader_check_async (gpointer             source_object,
                             LcsZoneSet          *set,
                             const LcsProfile    *profile,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (source_object, cancellable, callback, user_data);
  LoadData *data = g_new0 (LoadData, 1);

  data->set = lcs_zone_set_ref (set);
  /* The thread checks its own copy: the window may change the profile meanwhile. */
  data->profile = lcs_profile_copy (profile);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_set_source_tag (task, lcs_zone_loader_run_async);
  g_task_run_in_thread (task, run_in_thread);
}

gboolean
lcs_zone_loader_run_finish (GAsyncResult     *result,
                            LcsZoneSet      **set,
                            LcsReport       **report,
                            LcsObservations **obs,
                            GError          **error)
{
  LoadResult *load = g_task_propagate_pointer (G_TASK (result), error);

  if (load == NULL)
    return FALSE;
  *set = g_steal_pointer (&load->set);
  *report = g_steal_pointer (&load->report);
  *obs = g_steal_pointer (&load->obs);
  load_result_free (load);
  return TRUE;
}
