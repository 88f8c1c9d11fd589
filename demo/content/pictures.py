"""The demo's pictures: drawn, not photographed (demo/images.py), in two colours each, with
the motif drawn over the landscape. A story's lead picture and a topic's are drawn afresh
from its own key in the colours and motif of the scene it names, so no two are the same."""

IMAGES = {
    "harbour-dawn": {
        "title": "Harbour at dawn",
        "description": "Fishing boats on a harbour's water as the sun rises over the hills",
        "colours": ("#1d3557", "#e9c46a"),
        "motif": "water",
    },
    "river-ferry": {
        "title": "River ferry",
        "description": "A ferry on a wide river below low hills",
        "colours": ("#264653", "#a8dadc"),
        "motif": "ferry",
    },
    "power-lines": {
        "title": "Power lines in snow",
        "description": "Power lines crossing a snowy plain at dusk",
        "colours": ("#0b132b", "#5bc0be"),
        "motif": "pylons",
    },
    "polling-station": {
        "title": "Polling station",
        "description": "Voters queueing outside a lit building in the evening",
        "colours": ("#3d405b", "#f2cc8f"),
        "motif": "building",
    },
    "newsroom": {
        "title": "Newsroom at night",
        "description": "Lit office windows in a city at night",
        "colours": ("#22223b", "#c9ada7"),
        "motif": "building",
    },
    "vineyard": {
        "title": "Dry vineyard",
        "description": "Rows of vines running to the hills across dry, cracked soil",
        "colours": ("#6d597a", "#eaac8b"),
        "motif": "vines",
    },
    "drone-sky": {
        "title": "Drone over fields",
        "description": "Drones over the hills against an evening sky",
        "colours": ("#14213d", "#fca311"),
        "motif": "drones",
    },
    "tram-street": {
        "title": "Tram street",
        "description": "A yellow tram in a street of tall houses",
        "colours": ("#2a9d8f", "#e76f51"),
        "motif": "street",
    },
    "portrait-a": {
        "title": "Portrait: Inès Marlow",
        "description": "Inès Marlow, Europe editor",
        "colours": ("#355070", "#eaac8b"),
        "motif": "portrait",
    },
    "portrait-b": {
        "title": "Portrait: Ilya Sorin",
        "description": "Ilya Sorin, translator and correspondent",
        "colours": ("#4a4e69", "#9a8c98"),
        "motif": "portrait",
    },
    "portrait-c": {
        "title": "Portrait: Marta Kovač",
        "description": "Marta Kovač, climate reporter",
        "colours": ("#386641", "#f2e8cf"),
        "motif": "portrait",
    },
    "portrait-d": {
        "title": "Portrait: Tomás Aranha",
        "description": "Tomás Aranha, Lisbon correspondent",
        "colours": ("#003049", "#fcbf49"),
        "motif": "portrait",
    },
    "logo-plain-facts": {
        "title": "Logo: Plain Facts",
        "description": "The logo of Plain Facts",
        "colours": ("#000000", "#d62828"),
        "motif": "logo",
    },
    "logo-north-wind": {
        "title": "Logo: North Wind",
        "description": "The logo of North Wind",
        "colours": ("#023e8a", "#90e0ef"),
        "motif": "logo",
    },
    "logo-gazeta": {
        "title": "Logo: Gazeta do Alvo",
        "description": "The logo of Gazeta do Alvo",
        "colours": ("#9d0208", "#ffba08"),
        "motif": "logo",
    },
    "logo-al-marsad": {
        "title": "Logo: Al-Marsad",
        "description": "The logo of Al-Marsad",
        "colours": ("#005f73", "#e9d8a6"),
        "motif": "logo",
    },
}
