from django.urls import path

from tokt.cases import views

app_name = "cases"

urlpatterns = [
    path("", views.case_list_view, name="list"),
    path("ny/", views.case_create, name="create"),
    path("sak/<slug:case_id>/", views.case_detail, name="detail"),
    path("sak/<slug:case_id>/endre/", views.case_edit, name="edit"),
    path("sak/<slug:case_id>/notat/", views.note_add, name="note_add"),
    path("sak/<slug:case_id>/status/", views.status_change, name="status"),
    path("sak/<slug:case_id>/samtykke/", views.consent_add, name="consent_add"),
    path("sak/<slug:case_id>/samtykke/<int:consent_id>/trekk/", views.consent_withdraw, name="consent_withdraw"),
    path("sak/<slug:case_id>/henvis/", views.referral_create, name="referral_create"),
    path("sak/<slug:case_id>/overfor/", views.transfer_request, name="transfer_request"),
    path("sak/<slug:case_id>/innsyn/", views.case_export, name="export"),
    path("sak/<slug:case_id>/sjekk/", views.screening_attach, name="screening_attach"),
    path("fra-tips/<int:tip_id>/", views.tip_convert, name="tip_convert"),
    path("henvisning/<slug:referral_id>/svar/", views.referral_answer, name="referral_answer"),
    path("henvisning/<slug:referral_id>/trekk/", views.referral_revoke, name="referral_revoke"),
    path("henvisning/<slug:referral_id>/brev.pdf", views.referral_letter, name="referral_letter"),
    path("overforing/<int:transfer_id>/svar/", views.transfer_answer, name="transfer_answer"),
    path("tiltak/<int:action_id>/fullfort/", views.action_done, name="action_done"),
    path("moter/", views.conference_list, name="conferences"),
    path("moter/nytt/", views.conference_create, name="conference_create"),
    path("moter/<slug:conference_id>/", views.conference_detail, name="conference"),
    path("moter/<slug:conference_id>/agenda/", views.conference_agenda_add, name="agenda_add"),
    path("moter/<slug:conference_id>/oppmote/", views.conference_attendance, name="attendance"),
    path("moter/<slug:conference_id>/avslutt/", views.conference_close, name="conference_close"),
    path("moter/<slug:conference_id>/punkt/<int:item_id>/", views.agenda_item_record, name="item_record"),
    path("moter/<slug:conference_id>/punkt/<int:item_id>/tiltak/", views.action_add, name="action_add"),
    path("moter/<slug:conference_id>/<slug:kind>.pdf", views.conference_pdf, name="conference_pdf"),
]
