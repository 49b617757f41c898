/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Deployment checklist page. The steps are the preparation the source article asks for
 * before LCS 2005 SP1 is installed; their ids are stored in the profile's checklist. */
#include "config.h"

#include "lcs-checklist-page.h"

#include <glib/gi18n.h>

typedef struct {
  const char *id;
  const char *title;
  const char *detail;
} LcsChecklistStep;

static const LcsChecklistStep steps[] = {
  { "backup-dcs",
    N_("_Back up the domain controllers before the schema extension"),
    N_("LCS 2005 SP1 extends the Active Directory schema by 15 classes and 54 attributes. "
       "Back up the domain controllers first, in case something goes wrong.") },
  { "schema-load",
    N_("Schedule the schema extension for a _quiet time"),
    N_("Schema extensions consume disk and CPU on the domain controllers and may briefly slow "
       "Active Directory down.") },
  { "site-replication",
    N_("Plan the _replication traffic between Active Directory sites"),
    N_("The schema extension is replicated to every domain controller; sites are often joined by "
       "slow links.") },
  { "gc-replication",
    N_("Plan the _global catalog replication for the new security groups"),
    N_("Setup creates new security groups, which every global catalog server (usually one per "
       "site) must replicate.") },
  { "dns-records",
    N_("Create the DNS _A and SRV records for every SIP domain"),
    N_("Automatic client sign-in needs an SRV record per SIP domain pointing at a host in that "
       "domain, and an A record for each host (a separate host record per domain, same IP). "
       "The console's check shows which are still missing.") },
  { "cert-san",
    N_("Put every SIP domain into the TLS _certificate's Subject Alternative Names"),
    N_("The TLS certificate is domain specific: clients in a second SIP domain reject it unless "
       "its Subject Alternative Name field lists that domain's host name too.") },
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

struct _LcsChecklistPage {
  GtkScrolledWindow parent_instance;

  GtkBox           *steps_box;
  GtkLabel         *progress_label;
  GtkToggleButton  *checks[G_N_ELEMENTS (steps)];
  gboolean          updating;
};

G_DEFINE_TYPE (LcsChecklistPage, lcs_checklist_page, GTK_TYPE_SCROLLED_WINDOW)

static void
update_progress (LcsChecklistPage *self)
{
  g_autofree char *text = NULL;
  guint done = 0;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (gtk_toggle_button_get_active (self->checks[i]))
      done++;
  text = g_strdup_printf (_("%u of %u steps done"), done, (guint) G_N_ELEMENTS (steps));
  gtk_label_set_text (self->progress_label, text);
}

static void
on_step_toggled (GtkToggleButton  *button,
                 LcsChecklistPage *self)
{
  update_progress (self);
  if (!self->updating)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

void
lcs_checklist_page_set_done (LcsChecklistPage *self,
                             GPtrArray        *done)
{
  g_return_if_fail (LCS_IS_CHECKLIST_PAGE (self));

  self->updating = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      gboolean ticked = done != NULL && g_ptr_array_find_with_equal_func (done, steps[i].id, g_str_equal, NULL);

      gtk_toggle_button_set_active (self->checks[i], ticked);
    }
  self->updating = FALSE;
  update_progress (self);
}

GPtrArray *
lcs_checklist_page_get_done (LcsChecklistPage *self)
{
  GPtrArray *done = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (gtk_toggle_button_get_active (self->checks[i]))
      g_ptr_array_add (done, g_strdup (steps[i].id));
  return done;
}

static GtkWidget *
create_step (LcsChecklistPage       *self,
             const LcsChecklistStep *step,
             guint                   i)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *check = gtk_check_button_new_with_mnemonic (_(step->title));
  GtkWidget *detail = gtk_label_new (_(step->detail));

  gtk_style_context_add_class (gtk_widget_get_style_context (box), "lcs-checklist-step");
  gtk_widget_set_name (check, step->id);
  gtk_label_set_line_wrap (GTK_LABEL (detail), TRUE);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (detail), 80);
  gtk_widget_set_margin_start (detail, 28);
  gtk_style_context_add_class (gtk_widget_get_style_context (detail), "lcs-checklist-source");
  atk_object_set_description (gtk_widget_get_accessible (check), _(step->detail));

  gtk_container_add (GTK_CONTAINER (box), check);
  gtk_container_add (GTK_CONTAINER (box), detail);
  gtk_widget_show_all (box);

  self->checks[i] = GTK_TOGGLE_BUTTON (check);
  g_signal_connect (check, "toggled", G_CALLBACK (on_step_toggled), self);
  return box;
}

static void
lcs_checklist_page_class_init (LcsChecklistPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/lcsdns/Console/lcs-checklist-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LcsChecklistPage, steps_box);
  gtk_widget_class_bind_template_child (widget_class, LcsChecklistPage, progress_label);
}

static void
lcs_checklist_page_init (LcsChecklistPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    gtk_container_add (GTK_CONTAINER (self->steps_box), create_step (self, &steps[i], i));
  update_progress (self);
}
