"""Machine translation: chosen from the environment, and the real HTTP path tested
against a small translation service started on 127.0.0.1."""

import json
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from stories.factories import StoryPageFactory
from tests.support import manage
from translations.machine_translation import DeepLTranslator, LibreTranslator


class FakeTranslationService(BaseHTTPRequestHandler):
    """Speaks just enough of the LibreTranslate and DeepL APIs: it upper-cases the text."""

    requests = []
    broken = False

    def do_POST(self):  # noqa: N802 (the name http.server calls)
        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        type(self).requests.append((self.path, dict(self.headers), body))
        if type(self).broken:
            self.send_response(503)
            self.end_headers()
            return
        if self.path == "/translate":
            texts = json.loads(body)["q"]
            payload = {"translatedText": [text.upper() for text in texts]}
        elif self.path == "/v2/translate":
            texts = parse_qs(body)["text"]
            payload = {"translations": [{"text": text.upper()} for text in texts]}
        else:
            self.send_response(404)
            self.end_headers()
            return
        data = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def service():
    FakeTranslationService.requests = []
    FakeTranslationService.broken = False
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeTranslationService)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield FakeTranslationService, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def configured_translator(**env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DEEPL_AUTH_KEY", "LIBRETRANSLATE_URL", "DJANGO_SETTINGS_MODULE")
    }
    environment.update(env, DJANGO_SETTINGS_MODULE="config.settings.test")
    code = "from django.conf import settings; print(settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR)"
    result = manage("shell", "-c", code, env=environment)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_backend_is_chosen_by_the_environment():
    assert "DummyTranslator" in configured_translator()
    deepl = configured_translator(DEEPL_AUTH_KEY="abc:fx")
    assert "translations.machine_translation.DeepLTranslator" in deepl and "abc:fx" in deepl
    libre = configured_translator(LIBRETRANSLATE_URL="http://127.0.0.1:5000/")
    assert "translations.machine_translation.LibreTranslator" in libre
    assert "'LIBRETRANSLATE_URL': 'http://127.0.0.1:5000'" in libre


@pytest.fixture
def ru_en(locales):
    return locales["ru"], locales["en"]


def test_libretranslate_over_http(service, ru_en):
    handler, url = service
    translator = LibreTranslator({"LIBRETRANSLATE_URL": url, "API_KEY": "k"})
    strings = [StringValue("паром <b>стоит</b>"), StringValue("река")]
    result = translator.translate(*ru_en, strings)
    assert [result[s].data for s in strings] == ["ПАРОМ <B>СТОИТ</B>", "РЕКА"]
    path, _headers, body = handler.requests[0]
    assert path == "/translate"
    assert json.loads(body) == {
        "q": ["паром <b>стоит</b>", "река"],
        "source": "ru",
        "target": "en",
        "api_key": "k",
        "format": "html",
    }


def test_deepl_over_http(service, ru_en):
    handler, url = service
    translator = DeepLTranslator({"AUTH_KEY": "secret", "API_URL": f"{url}/v2/translate"})
    strings = [StringValue("паром")]
    assert translator.translate(*ru_en, strings)[strings[0]].data == "ПАРОМ"
    path, headers, body = handler.requests[0]
    assert path == "/v2/translate"
    assert headers["Authorization"] == "DeepL-Auth-Key secret"
    assert parse_qs(body)["source_lang"] == ["RU"]
    assert parse_qs(body)["target_lang"] == ["EN"]


def test_a_failing_service_translates_nothing_instead_of_crashing(service, ru_en):
    handler, url = service
    handler.broken = True
    strings = [StringValue("паром")]
    assert (
        LibreTranslator({"LIBRETRANSLATE_URL": url, "API_KEY": ""}).translate(*ru_en, strings) == {}
    )
    dead = LibreTranslator({"LIBRETRANSLATE_URL": "http://127.0.0.1:9", "API_KEY": ""})
    assert dead.translate(*ru_en, strings) == {}


@pytest.mark.django_db
@pytest.mark.parametrize("broken", [False, True])
def test_machine_translate_button_in_the_editor(admin_client, tree, service, settings, broken):
    handler, url = service
    handler.broken = broken
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "translations.machine_translation.LibreTranslator",
        "OPTIONS": {"LIBRETRANSLATE_URL": url, "API_KEY": ""},
    }
    story = StoryPageFactory(parent=tree.section, title="The ferry stopped")
    source, _ = TranslationSource.get_or_create_from_instance(story)
    french = Locale.objects.get(language_code="fr")
    translation = Translation.objects.create(source=source, target_locale=french)
    translation.save_target(publish=False)

    response = admin_client.post(
        reverse("wagtail_localize:machine_translate", args=(translation.pk,)),
        {"next": "/admin/"},
    )
    assert response.status_code == 302
    machine = StringTranslation.objects.filter(
        locale=french, translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    )
    if broken:
        assert not machine.exists()
    else:
        assert "THE FERRY STOPPED" in {string.data for string in machine}
        assert handler.requests, "the editor's button went through the HTTP service"
