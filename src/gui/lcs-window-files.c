/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The File menu: New, Open, Save, Save As, Import zone file, Export; and the question before
 * unsaved changes are lost. Every chooser is native (GtkFileChooserNative) and none blocks. */
#include "config.h"

#include "lcs-window-private.h"

#include <string.h>
#include <glib/gi18n.h>
#include <lcsdns/export/export.h>

#include "lcs-fix-dialog.h"
#include "lcs-properties-dialog.h"

typedef struct {
  LcsWindow             *window;
  LcsWindowContinueFunc  then;
  gpointer               user_data;
} Continuation;

static Continuation *
continuation_new (LcsWindow             *window,
                  LcsWindowContinueFunc  then,
                  gpointer               user_data)
{
  Continuation *c = g_new0 (Continuation, 1);

  c->window = g_object_ref (window);
  c->then = then;
  c->user_data = user_data;
  return c;
}

static void
continuation_finish (Continuation *c,
                     gboolean      go_on)
{
  if (go_on && c->then != NULL)
    c->then (c->window, c->user_data);
  g_object_unref (c->window);
  g_free (c);
}

static GtkFileFilter *
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *pattern)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
  return filter;
}

static void
add_profile_filters (GtkFileChooser *chooser)
{
  add_filter (chooser, _("Deployment profiles (*.lcsdns)"), "*.lcsdns");
  add_filter (chooser, _("All files"), "*");
}

static char *
chooser_path (GtkNativeDialog *native)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  return file != NULL ? g_file_get_path (file) : NULL;
}

static gboolean
save_to (LcsWindow  *self,
         const char *path)
{
  g_autoptr(GError) error = NULL;

  if (!lcs_document_save (self->doc, path, &error))
    {
      lcs_window_show_error (self, _("The deployment could not be saved"), error);
      return FALSE;
    }
  lcs_window_update_title (self);
  return TRUE;
}

static void
on_save_as_response (GtkNativeDialog *native,
                     int              response,
                     Continuation    *c)
{
  g_autofree char *path = response == GTK_RESPONSE_ACCEPT ? chooser_path (native) : NULL;

  continuation_finish (c, path != NULL && save_to (c->window, path));
  g_object_unref (native);
}

/* Save As, then @then when saved. */
static void
save_as (LcsWindow             *self,
         LcsWindowContinueFunc  then,
         gpointer               user_data)
{
  GtkFileChooserNative *native = gtk_file_chooser_native_new (_("Save Deployment As"), GTK_WINDOW (self),
                                                              GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));

  gtk_file_chooser_set_do_overwrite_confirmation (GTK_FILE_CHOOSER (native), TRUE);
  add_profile_filters (GTK_FILE_CHOOSER (native));
  if (self->doc->path != NULL)
    gtk_file_chooser_set_filename (GTK_FILE_CHOOSER (native), self->doc->path);
  else
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), "deployment.lcsdns");
  g_signal_connect (native, "response", G_CALLBACK (on_save_as_response), continuation_new (self, then, user_data));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
save (LcsWindow             *self,
      LcsWindowContinueFunc  then,
      gpointer               user_data)
{
  if (self->doc->path == NULL)
    save_as (self, then, user_data);
  else if (save_to (self, self->doc->path) && then != NULL)
    then (self, user_data);
}

enum {
  RESPONSE_DISCARD = 1,
  RESPONSE_SAVE = 2,
};

static void
on_confirm_response (GtkDialog    *dialog,
                     int           response,
                     Continuation *c)
{
  gtk_widget_destroy (GTK_WIDGET (dialog));
  if (response == RESPONSE_SAVE)
    {
      save (c->window, c->then, c->user_data);
      continuation_finish (c, FALSE);
      return;
    }
  continuation_finish (c, response == RESPONSE_DISCARD);
}

void
lcs_window_confirm_discard (LcsWindow             *self,
                            LcsWindowContinueFunc  then,
                            gpointer               user_data)
{
  GtkWidget *dialog;
  g_autofree char *name = NULL;

  if (!self->doc->dirty)
    {
      then (self, user_data);
      return;
    }
  name = lcs_document_display_name (self->doc);
  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Save the changes to “%s”?"), name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("If you don't save, the changes are lost."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("Close _without Saving"), RESPONSE_DISCARD,
                          _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Save"), RESPONSE_SAVE,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), RESPONSE_SAVE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_confirm_response), continuation_new (self, then, user_data));
  gtk_widget_show (dialog);
}

/* New: the properties of a new deployment. */

static void
on_new_properties_response (GtkDialog *dialog,
                            int        response,
                            LcsWindow *self)
{
  LcsProfile *profile = NULL;

  if (response == GTK_RESPONSE_OK)
    profile = lcs_properties_dialog_get_profile (LCS_PROPERTIES_DIALOG (dialog));
  gtk_widget_destroy (GTK_WIDGET (dialog));
  if (profile != NULL)
    {
      LcsDocument *doc = lcs_document_new (profile, NULL);

      doc->dirty = TRUE;
      lcs_window_set_document (self, doc);
    }
}

static void
new_deployment (LcsWindow *self,
                gpointer   user_data)
{
  GtkWidget *dialog = lcs_properties_dialog_new (GTK_WINDOW (self), NULL);

  g_signal_connect (dialog, "response", G_CALLBACK (on_new_properties_response), self);
  gtk_widget_show (dialog);
}

static void
on_new (GSimpleAction *action,
        GVariant      *parameter,
        gpointer       user_data)
{
  lcs_window_confirm_discard (user_data, new_deployment, NULL);
}

/* Open. */

static void
on_open_response (GtkNativeDialog *native,
                  int              response,
                  LcsWindow       *self)
{
  g_autofree char *path = response == GTK_RESPONSE_ACCEPT ? chooser_path (native) : NULL;
  g_autoptr(GError) error = NULL;

  if (path != NULL && !lcs_window_open_file (self, path, &error))
    lcs_window_show_error (self, _("The deployment could not be opened"), error);
  g_object_unref (native);
}

static void
choose_and_open (LcsWindow *self,
                 gpointer   user_data)
{
  GtkFileChooserNative *native = gtk_file_chooser_native_new (_("Open Deployment"), GTK_WINDOW (self),
                                                              GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));

  add_profile_filters (GTK_FILE_CHOOSER (native));
  g_signal_connect (native, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_open (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  lcs_window_confirm_discard (user_data, choose_and_open, NULL);
}

/* Open demo: the bundled demo as shipped, whatever a class did to it (after the question). */

static void
open_demo (LcsWindow *self,
           gpointer   user_data)
{
  g_autoptr(GError) error = NULL;

  if (!lcs_window_open_demo (self, &error))
    lcs_window_show_error (self, _("The demo deployment cannot be opened"), error);
}

static void
on_open_demo (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  lcs_window_confirm_discard (user_data, open_demo, NULL);
}

static void
on_save (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  save (user_data, NULL, NULL);
}

static void
on_save_as (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  save_as (user_data, NULL, NULL);
}

/* Import zone file: the offline check of docs/spec.md §1.4. */

static void
on_import_response (GtkNativeDialog *native,
                    int              response,
                    LcsWindow       *self)
{
  g_autofree char *path = response == GTK_RESPONSE_ACCEPT ? chooser_path (native) : NULL;

  if (path != NULL)
    {
      const char *choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (native), "view");
      LcsView view = g_strcmp0 (choice, "external") == 0 ? LCS_VIEW_EXTERNAL : LCS_VIEW_INTERNAL;

      lcs_window_ask_zone_name (self, view, -1, path);
    }
  g_object_unref (native);
}

static void
on_import_zone (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  LcsWindow *self = user_data;
  GtkFileChooserNative *native = gtk_file_chooser_native_new (_("Import Zone File"), GTK_WINDOW (self),
                                                              GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  GtkFileFilter *zones = gtk_file_filter_new ();

  gtk_file_filter_set_name (zones, _("Zone files (*.dns, *.zone, *.db)"));
  gtk_file_filter_add_pattern (zones, "*.dns");
  gtk_file_filter_add_pattern (zones, "*.zone");
  gtk_file_filter_add_pattern (zones, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), zones);
  add_filter (GTK_FILE_CHOOSER (native), _("All files"), "*");
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (native), "view", _("DNS view:"),
                               (const char *[]) { "internal", "external", NULL },
                               (const char *[]) { _("Internal"), _("External"), NULL });
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (native), "view", "internal");
  g_signal_connect (native, "response", G_CALLBACK (on_import_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Export. */

typedef struct {
  const char *name;
  const char *pattern;
  LcsFormat   format;
  gboolean    fix;        /* the check's remediation, previewed before it is saved */
} ExportKind;

static const ExportKind export_kinds[] = {
  { N_("HTML report (*.html)"), "*.html", LCS_FORMAT_HTML, FALSE },
  { N_("dnscmd commands (*.cmd)"), "*.cmd", LCS_FORMAT_DNSCMD, FALSE },
  { N_("PowerShell commands (*.ps1)"), "*.ps1", LCS_FORMAT_POWERSHELL, FALSE },
  { N_("BIND zone lines (*.zone)"), "*.zone", LCS_FORMAT_BIND, FALSE },
  { N_("CSV report (*.csv)"), "*.csv", LCS_FORMAT_CSV, FALSE },
  { N_("JSON report (*.json)"), "*.json", LCS_FORMAT_JSON, FALSE },
  { N_("Fix script, dnscmd (*.cmd)"), "*.cmd", LCS_FORMAT_DNSCMD, TRUE },
  { N_("Fix script, PowerShell (*.ps1)"), "*.ps1", LCS_FORMAT_POWERSHELL, TRUE },
  { N_("Fix script, nsupdate (*.nsupdate)"), "*.nsupdate", LCS_FORMAT_NSUPDATE, TRUE },
};

static gboolean
has_extension (const char *path,
               const char *extension)
{
  gsize length = strlen (path), ext_length = strlen (extension);

  return length > ext_length && g_ascii_strcasecmp (path + length - ext_length, extension) == 0;
}

char *
lcs_window_export_path (const char *path,
                        LcsFormat   format)
{
  const char *extension = lcs_format_extension (format);

  if (has_extension (path, extension))
    return g_strdup (path);
  /* Another format's extension (the name the chooser started with) gives way; any other name
   * keeps what was typed and gains the format's. */
  for (guint i = 0; i < G_N_ELEMENTS (export_kinds); i++)
    {
      const char *other = lcs_format_extension (export_kinds[i].format);

      if (has_extension (path, other))
        {
          g_autofree char *stem = g_strndup (path, strlen (path) - strlen (other));

          return g_strconcat (stem, extension, NULL);
        }
    }
  return g_strconcat (path, extension, NULL);
}

/* The format by the chosen filter; by the file's extension when "All files" was chosen. */
static const ExportKind *
export_kind_for (GtkFileChooser *chooser,
                 const char     *path)
{
  GtkFileFilter *filter = gtk_file_chooser_get_filter (chooser);
  const ExportKind *kind = filter != NULL ? g_object_get_data (G_OBJECT (filter), "lcs-export-kind") : NULL;

  for (guint i = 0; kind == NULL && i < G_N_ELEMENTS (export_kinds); i++)
    if (has_extension (path, lcs_format_extension (export_kinds[i].format)))
      kind = &export_kinds[i];
  return kind != NULL ? kind : &export_kinds[0];
}

gboolean
lcs_window_export_to (LcsWindow   *self,
                      const char  *path,
                      LcsFormat    format,
                      GError     **error)
{
  return lcs_export_report_save (lcs_window_get_document (self)->report, format, path, error);
}

/* After a zone or live check: the operations, each with a check box, then the script. */
static void
show_fix_dialog (LcsWindow  *self,
                 const char *path,
                 LcsFormat   format)
{
  LcsDocument *doc = lcs_window_get_document (self);
  g_autoptr(GError) error = NULL;

  if (doc->report == NULL || doc->obs == NULL)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("A fix script needs a check first: a zone check or a live check."));
      lcs_window_show_error (self, _("No fix script"), error);
      return;
    }
  gtk_widget_show (lcs_fix_dialog_new (GTK_WINDOW (self),
                                       lcs_remediation_build (doc->report, doc->obs, -1),
                                       format, path));
}

static void
export_to (LcsWindow        *self,
           const char       *path,
           const ExportKind *kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);

  if (kind->fix)
    {
      show_fix_dialog (self, path, kind->format);
      return;
    }
  if (!lcs_window_export_to (self, path, kind->format, &error))
    {
      lcs_window_show_error (self, _("The export could not be written"), error);
      return;
    }
  if (kind->format == LCS_FORMAT_HTML && !gtk_show_uri_on_window (GTK_WINDOW (self), uri, GDK_CURRENT_TIME, &error))
    g_message ("The report was saved but no browser could open it: %s", error->message);
}

static void
on_export_response (GtkNativeDialog *native,
                    int              response,
                    LcsWindow       *self)
{
  g_autofree char *chosen = response == GTK_RESPONSE_ACCEPT ? chooser_path (native) : NULL;
  const ExportKind *kind = chosen != NULL ? export_kind_for (GTK_FILE_CHOOSER (native), chosen) : NULL;
  g_autofree char *path = kind != NULL ? lcs_window_export_path (chosen, kind->format) : NULL;

  /* The chooser asked before replacing the name it was given, not the one with the extension. */
  if (path != NULL && g_strcmp0 (path, chosen) != 0 && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_EXISTS, _("%s already exists; nothing was written"), path);

      lcs_window_show_error (self, _("The export could not be written"), error);
    }
  else if (path != NULL)
    export_to (self, path, kind);
  g_object_unref (native);
}

static void
on_export (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  LcsWindow *self = user_data;
  GtkFileChooserNative *native = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                                              GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));

  gtk_file_chooser_set_do_overwrite_confirmation (GTK_FILE_CHOOSER (native), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (export_kinds); i++)
    {
      GtkFileFilter *filter = add_filter (GTK_FILE_CHOOSER (native), _(export_kinds[i].name), export_kinds[i].pattern);

      g_object_set_data (G_OBJECT (filter), "lcs-export-kind", (gpointer) &export_kinds[i]);
    }
  add_filter (GTK_FILE_CHOOSER (native), _("All files"), "*");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), "lcsdns-report.html");
  g_signal_connect (native, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static const GActionEntry file_actions[] = {
  { "new", on_new, NULL, NULL, NULL, { 0 } },
  { "open", on_open, NULL, NULL, NULL, { 0 } },
  { "open-demo", on_open_demo, NULL, NULL, NULL, { 0 } },
  { "save", on_save, NULL, NULL, NULL, { 0 } },
  { "save-as", on_save_as, NULL, NULL, NULL, { 0 } },
  { "import-zone", on_import_zone, NULL, NULL, NULL, { 0 } },
  { "export", on_export, NULL, NULL, NULL, { 0 } },
};

void
lcs_window_add_file_actions (LcsWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), file_actions, G_N_ELEMENTS (file_actions), self);
}
