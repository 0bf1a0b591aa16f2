"""How the hand-corrected knowledge bases here were made (``python tests/corpus_corrected/correct.py``).

Each ``NAME.yaml`` is ``python -m bot import`` of ``tests/corpus/NAME``'s notes, corrected by hand the way
a student polishing the import would: entries that are no terms (sentences, grouping headings made
entries) deleted, terms the import missed added with their definition copied from the notes, and the
``# check:`` notes and the ``unplaced`` list resolved: a definition the import took from a question or a
qualifier written again, details placed under the wrong entry dropped, a table's rows that describe one
drug added to its entry as details. Where the import is no use at all (it found no terms, or made
entries of a table's row labels), the knowledge base is written from the notes alone (``REWRITE``).
Only the notes were read for this, never the expectations' aliases or questions; the edits are listed
below, file by file. Every corpus file with an ``EDITS`` row gets a corrected file, whatever its split.
A held-out file's corrected KB is written once, when its split is added, and then left as it is (the
suite compares only the tune splits' files with what this script makes): run the script with
``--tune`` after an importer change, so that held-out imports stay unread.
From ``heldout5`` on, a held-out file's knowledge base is written from the notes outright (``REWRITE``),
without running the import at all, so that whoever writes it does not see how those notes import either.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from bot.importer import import_file  # noqa: E402

#: file -> (terms to delete, entries to add: (term, aliases, definition), aliases to add: term -> names)
EDITS: dict[str, tuple[list[str], list[tuple[str, list[str], str]], dict[str, list[str]]]] = {
    "gcse_biology_cells": (
        [
            "Genes",
            "Cells",
            "In animals",
            "For gaseous exchange in animals",
            "Small intestine",
            "Lungs",
            "Plant roots",
            "Plant leaves",
        ],
        [
            (
                "Specialised cells",
                ["Specialisation"],
                "Cells specialised for a particular function; this affects their structure.",
            ),
            ("Isotonic solution", [], "A solution with the same concentration as inside the cell."),
            ("Hypotonic solution", [], "A solution with a lower concentration than inside the cell."),
            ("Hypertonic solution", [], "A solution with a higher concentration than inside the cell."),
            ("Cytolysis", [], "The opposite of plasmolysis."),
            (
                "Villi",
                ["villus"],
                "Line the small intestine and form a large thin-walled surface area with a rich "
                "blood supply that maintains a steep concentration gradient for efficient diffusion.",
            ),
            (
                "Alveoli",
                ["alveolus"],
                "Where the lungs absorb oxygen: a large surface area with a rich blood supply "
                "to carry the oxygen away and maintain a concentration gradient.",
            ),
        ],
        {},
    ),
    "netplus_intro_networks": (
        [
            "Common Network Components",
            "When people",
            "WAN networks",
            "Routers",
            "Internet",
            "Prioritizing data",
            "Protocol",
            "Just as a topographical map",
            "But it also has some drawbacks",
            "Another refined version",
        ],
        [
            (
                "Network",
                [],
                "Two or more connected computers that can share resources such as data and "
                "applications, office machines, an Internet connection, or some combination of these.",
            ),
            (
                "Binary code",
                [],
                "The computer language hosts use to talk to each other: lots of 1s and 0s in a "
                "specific order that describes exactly what they want to say.",
            ),
            (
                "Workgroup",
                [],
                "A smaller logical zone a big LAN is split into to make administration easier.",
            ),
            ("Client machine", ["client"], "Any device on the network that can ask for access to resources."),
            (
                "Hosts",
                ["host", "mainframes"],
                "The mainframes of early networking, the only intelligent devices on the network.",
            ),
            (
                "Dumb terminals",
                [],
                "Everything in the network other than the mainframes (hosts), which alone "
                "were given IP addresses.",
            ),
            ("Gateways", ["gateway"], "An old term for any layer 3 machines like routers."),
            (
                "Wide Area Network",
                ["WAN"],
                "Spans large geographic areas and goes the distance; usually employs "
                "both routers and public links.",
            ),
            ("Internetwork", [], "A type of LAN and/or WAN that connects a bunch of networks, or intranets."),
            (
                "Distributed WAN",
                [],
                "An internetwork made up of a lot of interconnected computers located in a lot "
                "of different places, like the Internet.",
            ),
            (
                "Centralized WAN",
                [],
                "A WAN composed of a main, centrally located computer or location that remote "
                "computers and devices can connect to.",
            ),
            (
                "Personal Area Network",
                ["PAN"],
                "A network for close proximity connections, such as smartphones "
                "and laptops in a conference room; usually short-distance wireless "
                "(Bluetooth, infrared, ZigBee), "
                "extending only a few meters.",
            ),
            ("Physical topology", [], "The lay of the land of a network: a map of its physical layout."),
            (
                "Logical topology",
                [],
                "How a digital signal or data navigates through the network's physical layout.",
            ),
            (
                "Point-to-point link",
                [],
                "A link where the device in the center acts as a hub and the device on the "
                "other end extends the network.",
            ),
        ],
        {"Local Area Network": ["LAN"]},
    ),
    "aplus_ram_facts": (["60 CompTIA A+ hardware facts"], [], {}),
    "secplus_crypto_cheatsheet": (
        [],
        [("ECDHE", ["Elliptic Curve DH"], "Used for perfect forward secrecy.")],
        {"SSL protocol": ["SSL"]},
    ),
    "secplus_server_attacks": (["Exploiting Browser Vulnerabilities"], [], {}),
    "r_glossary_deflist": (
        [],
        [("Alias", [], "To have two (or more) references to the same physical data.")],
        {},
    ),
    "networking_shortnote": ([], [], {}),
    "chemistry_definitions": ([], [], {}),
    "networking_terms": ([], [], {}),
    "quizlet_server_attacks": ([], [], {}),
    # tune2
    "biology_immune_system": (
        [],
        [
            ("Antigen", [], "Foreign proteins that cause an immune reaction (or antibody production)."),
            (
                "General defence system",
                ["Innate defence system", "General defense system"],
                "The defence system that is present and prepared to deal with pathogens before they "
                "enter the body. Example: skin, mucous membranes.",
            ),
            (
                "Specific defence system",
                ["Acquired defence system", "Specific defense system", "Induced specific defence system"],
                "Protection gained by detection of antigens and production of antibodies to neutralise "
                "the antigen, involving specialised white blood cells called lymphocytes.",
            ),
            ("Stomach acid", ["Acid in the stomach"], "Acid in the stomach kills bacteria."),
            (
                "Artificial Active Immunity",
                [],
                "Protection gained by the body detecting a certain antigen and producing specific "
                "antibodies to neutralise it. Example: Covid vaccine.",
            ),
            (
                "Natural Passive Immunity",
                ["Natural Passive"],
                "Mother passes antibodies to her baby across placenta and in breast milk "
                "(especially in colostrum).",
            ),
            (
                "Artificial Passive Immunity",
                ["Artificial Passive"],
                "Introducing antibodies made by another animal. Example: anti-tetanus injection.",
            ),
            ("Spleen", [], "One of the 3 organs specific to the immune system."),
            ("Thymus", [], "One of the 3 organs specific to the immune system."),
            ("Lymph Nodes", ["Lymph node"], "One of the 3 organs specific to the immune system."),
            (
                "B lymphocytes",
                ["B cells", "B lymphocyte"],
                "Lymphocytes that mature in the bone marrow before moving to the lymph nodes; they "
                "attack antigens by producing antibodies that surround them. Two types: plasma B cells "
                "and memory B cells.",
            ),
            (
                "T lymphocytes",
                ["T cells", "T lymphocyte"],
                "The second type of lymphocyte; T cells act in one of four processes: helper, killer, "
                "suppressor and memory T cells.",
            ),
        ],
        {
            "Beneficial bacteria": ["Friendly bacteria"],
            "Defense proteins complement": ["Complement"],
            "Monocytes": ["Phagocytic white blood cells"],
        },
    ),
    "economics_terminology": ([], [], {}),
    "os_primer_blockquotes": ([], [], {}),
    "rust_dictionary": ([], [], {}),
    # tune3
    "ap_psychology_units_1_2": ([], [], {}),
    "aplus_memory_cheatsheet": (
        ["64-bit data width", "Units", "Higher bandwidth"],
        [
            (
                "DIMM",
                ["Dual Inline Memory Module"],
                "A RAM module with electrical contacts on both sides and a 64-bit data width (the amount "
                "of information read/written); easily installed or removed from the motherboard.",
            ),
            (
                "Memory Bandwidth",
                [],
                "Measures speed of memory transfers, in MT/s (megatransfers per second); higher "
                "bandwidth = faster data movement.",
            ),
            ("DDR2", [], "Original DDR improvement."),
            ("DDR3", [], "Twice the data rate of DDR2, higher capacity, not compatible with DDR2."),
            ("DDR4", [], "Increased speed, not backwards compatible."),
            ("DDR5", [], "Further improvement, not backwards compatible."),
        ],
        {"Dynamic RAM": ["DRAM"], "Synchronous DRAM": ["SDRAM"]},
    ),
    "unity_physics_tables": (
        ["Unity Physics Reference Sheet"],
        [
            (
                "Tracker Modules",
                ["Tracker Module"],
                "Similar to Midi files, where pitch and instrument can be adjusted without losing "
                "quality; they can be very small without a corresponding loss of sound quality "
                "compared to regular audio.",
            ),
        ],
        {".aiff / .aif": [".aiff", ".aif"]},
    ),
    # heldout3
    "database_glossary_tables": (
        ["Commit / rollback", "Consistency, in ACID", "Buffer pool / page cache"],
        [
            ("Commit", [], "Accept a transaction's changes."),
            ("Rollback", ["Roll back"], "Discard a transaction's changes."),
            (
                "Consistency",
                [],
                "In ACID: correct transactions preserve the application's required data rules.",
            ),
            (
                "Buffer pool",
                ["Page cache"],
                "Memory holding database pages so they can be reused without another engine storage read.",
            ),
        ],
        {"MVCC": ["Multi-version concurrency control"], "WAL": ["Write-ahead log"]},
    ),
    "legal_glossary_dashes": (
        ["Legal glossary"],
        [
            (
                "AKA",
                ["Also known as"],
                '"Also known as", used to list aliases or another name or another spelling of a name.',
            ),
        ],
        {},
    ),
    "statistics_glossary_bold": ([], [], {}),
    # tune4 (held out as heldout4 until its failures were read)
    "music_glossary_html": (
        [],
        [
            (
                "Conjunct",
                [],
                "A melody is conjunct if it tends to progress along adjacent notes in the scale: there are "
                "only small, smooth jumps. The term is usually relative.",
            ),
            (
                "Disjunct",
                [],
                "A melody is disjunct if it tends to progress with big jumps. The term is usually relative.",
            ),
            ("Plainchant", ["Gregorian chant"], "Unadorned and monophonic chanting."),
            (
                "Polyphony",
                ["Counterpoint"],
                "A musical texture of two or more simultaneous melody lines of equal importance (two or more"
                " principal melodies heard simultaneously).",
            ),
            (
                "Organum",
                [],
                "The earliest composed and notated polyphony: it presents a plainchant in one voice, while "
                "another voice decorates and embellishes the plainchant.",
            ),
            ("Melisma", [], "A group of notes sung to one syllable of text."),
            (
                "Madrigal",
                [],
                "A part-song for several voices, especially one of the Renaissance period, typically "
                "arranged in elaborate counterpoint and without instrumental accompaniment.",
            ),
            ("Note", [], "A notated pitch with duration."),
            ("Melody", [], "A succession of notes."),
            (
                "Motif",
                [],
                "A brief succession of notes that is sequenced, repeated, and transformed to produce a "
                "melody.",
            ),
            ("Tune", [], "A generally singable melody with a clear sense of beginning, middle, and end."),
            ("Theme", [], "The principle “musical idea” in a given section of music."),
            (
                "Texture",
                [],
                "The number of melodies present and the relationship between or among those melodies in a "
                "given section of music.",
            ),
            ("Monophony", [], "A single unaccompanied melody line."),
            (
                "Imitative polyphony",
                [],
                "Polyphony characterized by overlapping more or less the same melody line in multiple parts."
                " The imitation can be strict (e.g., a canon or round) or, as is mostly the case, "
                "non-strict.",
            ),
            (
                "Non-imitative polyphony",
                [],
                "Polyphony characterized by two or more different melodies of equal importance heard "
                "simultaneously.",
            ),
            (
                "Homophony",
                [],
                "A texture with one predominant melody line; all other melodic material is heard as "
                "secondary or accompaniment to the main melody.",
            ),
            (
                "Fugue",
                [],
                "A non-imitative polyphonic composition in which a short melody or phrase (the subject) is "
                "introduced by one part and successively taken up by others and developed by interweaving of"
                " parts. From French, or from Italian fuga, from Latin fuga ‘flight’.",
            ),
        ],
        {},
    ),
    "music_tech_glossary": ([], [], {"Audio mixer": ["mixer"]}),
    "nursing_drug_classes": (
        [],
        [
            ("ACE Inhibitors", [], "Block conversion of angiotensin I to II; decrease BP & afterload."),
            ("ARBs", [], "Block angiotensin II receptors; decrease BP."),
            ("Beta Blockers", [], "Block beta receptors; decrease HR, BP, contractility."),
            ("Calcium Channel Blockers", [], "Block Ca entry; vasodilation, decreased contractility/HR."),
            ("Loop diuretics", [], "Block Na/K/Cl reabsorption in loop of Henle; potent diuresis."),
            ("Thiazide diuretics", [], "Block Na reabsorption in distal tubule; moderate diuresis."),
            ("Potassium-sparing diuretics", [], "Aldosterone antagonist; retain K+."),
            (
                "Digoxin",
                ["Lanoxin"],
                "Positive inotrope; negative chronotrope; increases contractility, decreases HR.",
            ),
            ("Nitrates", [], "Vasodilation; decrease preload & afterload."),
            ("Warfarin", ["Coumadin"], "Vitamin K antagonist; decreases clotting factors."),
            ("Heparin", [], "Activates antithrombin III; immediate anticoagulation."),
            ("Enoxaparin", ["Lovenox"], "Low molecular weight heparin; anticoagulation."),
            ("Aspirin", [], "Antiplatelet: inhibits platelet aggregation."),
            ("Clopidogrel", ["Plavix"], "Antiplatelet: inhibits platelet aggregation."),
            ("Short-acting beta2 agonists", ["SABA"], "Bronchodilation via beta2 receptors."),
            ("Long-acting beta2 agonists", ["LABA"], "Prolonged bronchodilation."),
            ("Inhaled corticosteroids", [], "Anti-inflammatory; decrease airway inflammation."),
            ("Anticholinergics", [], "Block acetylcholine; bronchodilation."),
        ],
        {},
    ),
    "sdd_flashcards_qa": (
        ["Development Approaches Table", "Classroom Link"],
        [
            ("Sprints", [], "Short development stages of the Agile development approach."),
            (
                "Direct Cut-Over",
                [],
                "An installation method: the old system is dropped and the new system installed at the same "
                "time. Used when it is not feasible to run both systems at the same time; data must be "
                "converted and imported from the old system, and users must be trained on the new system "
                "prior to installation.",
            ),
            (
                "Parallel",
                [],
                "An installation method: both systems operate together for a period of time. Allows major "
                "problems with the new system to be sorted without loss of data and gives users time to "
                "familiarise themselves with the new system; used when the system is crucial.",
            ),
            (
                "Phased",
                [],
                "An installation method: a gradual change from the old system to the new, the new product "
                "introduced one part at a time. Often used when the product is still under development.",
            ),
            (
                "Pilot",
                [],
                "An installation method: the new system is initially installed for a small number of users, "
                "who can test it (often considered the final test) and learn it so they can teach others.",
            ),
        ],
        {},
    ),
    # heldout5: written from the notes alone, without running the import (REWRITE), so that nothing here
    # shows how held-out notes import
    "geography_key_words": (
        [],
        [
            ("agriculture", [], "The growing of crops and animals."),
            ("sedimentray", [], "Sandstone, limestone and shale compressed togther."),
            ("igneous", [], "Hot molten lava soldifies."),
            ("metamorphic", [], "Forms when rock subjected to high heats."),
            ("Conurbation", [], "Two cities that grow and eventually merge together."),
            ("Plain", [], "A low flat area."),
            ("Densely Populated", [], "An area that is crowded."),
            ("Population Distribution", [], "How people are spread out over an area."),
            (
                "Population Growth Rate",
                [],
                "A measure of how quickly the number of people in an area increases.",
            ),
            ("Ordnance Survey", [], "The official government organisation for producing maps of the UK."),
            ("River Basin", [], "The area drained by a river and its tributaries."),
            ("Residential", [], "A housing area where people live."),
            (
                "Settlement Hierarchy",
                [],
                "Settlements ordered by their size: hamlets, villages, towns, cities, conurbations.",
            ),
            (
                "Subsistence",
                [],
                "Growing just enough food for your own needs with nothing left over to sell.",
            ),
            ("Unemployment Rate", [], "The number of people out of work for each 1000 of the population."),
            ("Vineyard", [], "Where grapes are grown to make wine."),
            ("Wildlife Habitats", [], "The homes of plant and animals."),
            ("Plateau", [], "A high flat area."),
            ("Gradient", [], "The slope of the land."),
            (
                "European Union",
                [],
                "A group of European countries working together for the benefit of everyone in the group.",
            ),
            ("Accessible", [], "A place which is easy to reach."),
            ("Arable Farming", [], "A farm or area that only grows crops."),
            ("Conservationist", [], "People who care for and look after the environment."),
            ("Drought", [], "A long spell of dry weather resulting in a serious water shortage."),
            ("Economic Activity", [], "This is about industry, jobs, earning a living and producing wealth."),
            (
                "Historic Sites",
                [],
                "Important old settlements and buildings which are interesting to people.",
            ),
            ("Industrialised", [], "Using machines and power (energy) to make things."),
            ("Permeable", [], "A rock that will allow water to pass through it such as limestone."),
            (
                "Living Standards",
                [],
                "How well people are able to live. It is linked to the amount of money they earn.",
            ),
            ("Sparsely Populated", [], "An area that has few people living in it."),
            ("True North", [], "The direction which points to the North Pole."),
            (
                "Less Developed",
                [],
                "A poorer area where there are less communications, services and where people have lower "
                "living standards.",
            ),
            ("Mediterranean Climate", [], "Places which have hot, dry summers and mild, wet winters."),
            ("Frontier", ["Border"], "The boundary around a country."),
            (
                "Green Belt",
                [],
                "A protected area of countryside around a city where new building is not allowed to try "
                "and stop the spread of a city.",
            ),
            ("Continents", [], "Large masses land with countries inside."),
            ("Oceans", [], "5 oceans, large masses water."),
            ("Biome", [], "Area with one climate/vegetation."),
            ("Climate", [], "Weather conditions in area over long periods of time."),
            ("Weather", [], "Day-to-day temperature, wind, humidity, etc."),
            ("Population", [], "Number of people in area."),
            ("GNI", ["Gross National Income"], "Gross National Income."),
            ("Dormant", [], "Hasn’t erupted in 2000 years."),
        ],
        {},
    ),
    "world_history_revision": (
        [],
        [
            ("French Revolution", [], "A revolution in 1789."),
            ("Russian Revolution", ["Bolshevik Revolution", "October Revolution"], "A revolution in 1917."),
            ("Cultural Revolution", [], "A revolution in China."),
            ("Arab Spring", [], "Revolutions from 2010 that started in Tunisia (Jasmine Revolution)."),
            ("WWI", [], "A world war, 1914-1918."),
            ("WWII", [], "A world war, 1939-1945."),
            ("Holocaust", [], "Genocide of Jews by Nazis (in WWII)."),
            ("Balfour Declaration", [], "British support for a Jewish homeland in Palestine (1917)."),
            (
                "Camp David Accords",
                [],
                "Egypt-Israel Peace Treaty (1978), made by Anwar Sadat & Menachem Begin.",
            ),
            ("Kyoto Protocol", [], "An environment treaty: greenhouse gas reduction."),
            ("Montreal Protocol", [], "An environment treaty: ozone layer protection."),
            ("Paris Agreement", [], "A treaty on climate change."),
            ("Ramsar Convention", [], "A treaty for wetlands conservation (1971)."),
            (
                "Mesopotamian",
                [],
                "The oldest civilization (Iraq), on the Tigris & Euphrates rivers; the Sumerians invented "
                "the wheel & cuneiform writing.",
            ),
            (
                "Egyptian",
                [],
                "The civilization of the Nile river: pyramids, mummies, hieroglyphics (sacred writing), "
                "papyrus.",
            ),
            (
                "Indus Valley",
                [],
                "The civilization of Harappa & Mohenjo-daro: urban planning, drainage system.",
            ),
            ("Chinese", [], "The Chinese civilization: Great Wall, paper, gunpowder, compass."),
            ("Greek", [], "The Greek civilization: democracy (Athens), Olympics (776 BC), philosophy."),
            ("Inca", [], "A civilization in Peru (Machu Picchu)."),
            ("Maya", [], "A civilization in Central America (calendar)."),
        ],
        {},
    ),
    "spanish_vocabulary_headings": (
        [],
        [
            ("La Paciencia", [], "Patience (noun, feminine)."),
            ("Linda", [], "Cute, pretty, lovely (adjective)."),
            ("El Proyecto", [], "Plan; project (noun, masculine)."),
            ("Escuchar", [], "To hear, to listen (verb)."),
            (
                "La Integridad",
                [],
                "Wholeness, completeness (= totalidad); integrity (= honradez; also in computing) (noun, "
                "feminine).",
            ),
            ("La Sonrisa", [], "Smile (noun, feminine)."),
            ("Gracioso", [], "Charming."),
            ("La Escuela", [], "School (noun, feminine)."),
            ("El Idioma", [], "Language, tongue, idiom (noun, masculine)."),
            ("Claro", [], "Sure."),
            ("Ayuda", [], "Help (verb)."),
            ("Encender", [], "To ignite, set on fire; to turn on, to light up within (verb)."),
            ("La Seguridad", [], "Security (noun, feminine)."),
            ("La Soledad", [], "Loneliness (noun, feminine)."),
            ("Aprender", [], "To learn (verb)."),
            ("Recordar", [], "To remember (verb)."),
            ("Incluyir", [], "To include (verb)."),
            ("La Casa", [], "Home (noun, feminine)."),
            ("Seguir", [], "To follow, to continue (verb)."),
            ("La Humilidad", [], "Humility (noun, feminine)."),
            ("La Tenacidad", [], "Tenacity (noun, feminine)."),
            ("Conversar", [], "To converse (verb)."),
            ("Dificil", [], "Hard, difficult (adjective)."),
            ("Enseñar", [], "To teach (verb)."),
            ("Agresar", [], "To assault (verb)."),
            ("Encantar", [], "To love (verb)."),
            ("El Jeroglífico", [], "Hieroglyphic (noun)."),
            ("La Construcción", [], "Construction (noun, feminine)."),
            (
                "Million",
                [],
                "The number equivalent to the product of a thousand and a thousand (noun, feminine).",
            ),
            ("Encontrar", [], "To find (verb)."),
        ],
        {},
    ),
    "physics_definitions_tables": (
        [],
        [
            ("Physical Quantities", [], "Measurable quantities consisting of magnitude and a unit."),
            (
                "Random Errors",
                [],
                "Unpredictable deviations of a measured value from the actual value, with equal chance of "
                "falling above or below the actual value.",
            ),
            (
                "Systematic Errors",
                [],
                "Errors that occur according to some fixed rules and yield consistent over or under "
                "estimation of the true value.",
            ),
            ("Length", [], "A base SI quantity; its unit is the meter (m)."),
            ("Time", [], "A base SI quantity; its unit is the second (s)."),
            ("Mass", [], "A base SI quantity; its unit is the kilogram (kg)."),
            ("Electric Current", [], "A base SI quantity; its unit is the ampere (A)."),
            (
                "Temperature",
                [],
                "A measure of the average kinetic energy of the molecules of a substance. Its SI base "
                "unit is the Kelvin (K).",
            ),
            ("Amount of substance", [], "A base SI quantity; its unit is the mole (mol)."),
            ("Luminous intensity", [], "A base SI quantity; its unit is the candela (cd)."),
            (
                "Terminal Velocity",
                [],
                "Refers to the constant velocity reached by a falling object when drag force is equal in "
                "magnitude to the force that is accelerating the object.",
            ),
            ("Drag Force", [], "Retarding force due to air resistance."),
            ("Friction", [], "Force that opposes the relative motion of two surfaces."),
            ("Efficiency", [], "Ratio of useful energy output to total energy output."),
            ("Impulse", [], "Change in momentum caused by a force."),
            ("Elastic Collision", [], "Conserves both momentum and kinetic energy."),
            ("Inelastic collision", [], "Conserves momentum and but not kinetic energy."),
            (
                "Newton's first law of motion",
                [],
                "An object at rest will remain at rest and an object in motion will continue in motion at "
                "constant speed in a straight line in the absence of a net force acting on it.",
            ),
            (
                "Netwon's second law of motion",
                [],
                "The rate of change of momentum of a body is directly proportional to the netforce acting "
                "on it and takes place in the direction of the force.",
            ),
            (
                "Newton's third law of motion",
                [],
                "When 2 bodies A and B interact, theforce that A exerts on B is equal and opposite to the "
                "force that B exerts on A.",
            ),
            (
                "Principle of conservation of Energy",
                [],
                "Energy cannot be created or destroyed but may be converted from one form to another but "
                "the total amount of energy in an isolated system remains constant.",
            ),
            (
                "Conservation of Momentum",
                [],
                "Total momentum of a closed system is constant provided no external resultant force acts "
                "on it.",
            ),
            (
                "Boyle's Law",
                [],
                "For a gas at a constant temperature the volume and pressure are inversely proportional.",
            ),
            (
                "Charles' Law",
                [],
                "If the mass and presure of a gas are constant, the volume is directly proportional to "
                "its absolute temperature.",
            ),
            ("Avogadro's constant", [], "Number of atoms in 12 grams of carbon-12."),
            (
                "Internal Energy",
                [],
                "Sum of the potential energy and random kinetic energy of all the particles in a substance.",
            ),
            (
                "Properties of an ideal gas",
                [],
                "An ideal gas consists of a large number of identical molecules. The volume occupied by "
                "the molecules themselves is negligible compared to the volume occupied by the gas. The "
                "molecules obey Newton's laws of motion, and they move in random motion.",
            ),
            (
                "Ideal Gas",
                [],
                "A gas with no intermolecular force that obeys the ideal gas law, pV = nRT at all "
                "temperatures, pressures and volumes.",
            ),
            (
                "Kinetic Theory of Gases",
                [],
                "The relation of macroscopic behaviour of an ideal gas to the behaviour of its molecules.",
            ),
        ],
        {},
    ),
    # heldout6: written from the notes alone, without running the import (REWRITE); terms the notes name
    # without defining them (Social contract, Kantianism, Virtue Ethics, IS-LM model) are left out
    "ethics_outline_nested": (
        [],
        [
            ("Cultural Relativism", [], "Very unintuitive."),
            (
                "Egoism",
                [],
                "Doing, or holding that one should do, what is in one's own best interest; psychological "
                "or ethical.",
            ),
            ("Psychological egoism", [], "Humans always do what's in their best interest."),
            ("Ethical egoism", [], "What is good is whatever is in your personal best interest."),
            (
                "Consequentialism",
                [],
                "When determining the morality of an action, one need only examine the consequences "
                "(the end justifies the means).",
            ),
            (
                "Act consequentialism",
                ["Act Cs"],
                "Examines the consequences of each act: it says whether you should or shouldn't do an act.",
            ),
            (
                "Maximum Act Consequentialism",
                ["MAC"],
                "The moral action is the one which maximizes the good.",
            ),
            (
                "Satisficing Act Consequentialism",
                ["SAC"],
                "The moral action is the one that results in good enough consequences.",
            ),
            (
                "Rule consequentialism",
                ["Rule Cs"],
                "You should follow the rules that will maximize happiness: it tells you which rules "
                "to follow.",
            ),
            ("Hedonism", ["Hedonists"], "The only good is pleasure; the only bad is pain."),
            (
                "Utilitarianism",
                ["Utilitarians"],
                '"The greatest happiness for the greatest number of people": MAC + Hedonism, so the moral '
                "act is whatever act results in the greatest amount of happiness for the greatest number "
                "of people.",
            ),
            (
                "Higher happiness",
                [],
                "Self-actualizing pleasures (reading, listening to music); we should maximize this kind.",
            ),
            ("Lower happiness", [], "Bodily happiness, sex, etc."),
            (
                "Deontology",
                ["rule-based ethics"],
                "Not consequentialism: when determining the morality of an action, you look at more than "
                "just the consequences; you look at the act itself.",
            ),
            (
                "Divine command theory",
                [],
                "A kind of deontology: follow rules that the gods told you to follow.",
            ),
            (
                "euphario dilemma",
                [],
                "Is it good because the gods say to do it, or did the gods say to do it because it was good? "
                "If the first, they could alter the rule tomorrow, making morality fickle; if the second, "
                "why do we need the gods?",
            ),
        ],
        {},
    ),
    "macroeconomics_shorthand": (
        [],
        [
            (
                "Macroeconomics",
                [],
                "The study of how the entire economy functions on a regional, national or global scale, "
                "with special interest in aggregated indicators such as GDP, unemployment, national income "
                "and price indices; it models the entire economy to see how external shocks and policies "
                "affect it.",
            ),
            ("Business cycle", [], "Short-run fluctuations in the national income."),
            (
                "National output",
                ["aggregate output"],
                "Aggregate output, measured in GDP per person; it correlates with national income.",
            ),
            (
                "Unemployment rate",
                [],
                "The percentage of workers without jobs in the labor force, only including those actively "
                "looking for work.",
            ),
            (
                "Classical unemployment",
                [],
                "Unemployment because wages are too high, so employers hire fewer workers.",
            ),
            (
                "Frictional unemployment",
                ["search unemployment"],
                "Unemployment due to the latency period in finding a new job.",
            ),
            (
                "Structural unemployment",
                [],
                "Unemployment from shifts in infrastructure or emphasis on different sectors, leaving fewer "
                "jobs open for people with certain skills.",
            ),
            (
                "Inflation",
                [],
                "A rise in prices, measured with price indices; rapid money supply expansion leads to excess "
                "economic growth and inflation.",
            ),
            (
                "AD-AS model",
                ["aggregate demand/aggregate supply model"],
                "The aggregate demand / aggregate supply model.",
            ),
            (
                "Macroeconomic policy",
                [],
                "Policy for the whole economy, implemented through fiscal or monetary policy.",
            ),
            (
                "Monetary policy",
                ["central bank policy"],
                "Central banks controlling the money supply so that it does not grow too quickly "
                "(excessive inflation), aiming at a low inflation rate (usually under 2%) and a low "
                "unemployment rate; either expansionary or contractionary.",
            ),
            (
                "Monetary economics",
                [],
                "The field that designs monetary policy to achieve desired interest rate and "
                "unemployment levels.",
            ),
            (
                "Expansionary monetary policy",
                ["expansionary policy"],
                "Monetary policy that stimulates the economy: keeping short-term interest rates lower "
                "(to encourage investment and loans) or increasing the money supply more rapidly.",
            ),
            (
                "Contractionary monetary policy",
                [],
                "Monetary policy that does the opposite of expansionary policy: increasing interest rates "
                "or decreasing the money supply.",
            ),
            (
                "Quantitative easing",
                [],
                "The purchase of government bonds or other financial assets to inject money into "
                "the economy.",
            ),
            ("Agent", [], "Someone who participates in the economy (buyer, seller, investor)."),
        ],
        {},
    ),
    "sociology_markmap_revision": (
        [],
        [
            ("Sociology", [], "The scientific study of human society and social behavior."),
            ("Sociological Imagination", [], "Linking personal troubles to public issues (C. Wright Mills)."),
            ("Auguste Comte", [], "Father of Sociology; Positivism."),
            ("Emile Durkheim", [], "Social Facts; Suicide/Anomie; Functionalism."),
            ("Karl Marx", [], "Class Conflict (Bourgeoisie vs. Proletariat)."),
            ("Max Weber", [], "Verstehen; Bureaucracy; Protestant Ethic."),
            ("W.E.B. Du Bois", [], "Double Consciousness; Race relations."),
            (
                "Structural Functionalism",
                [],
                "Society as a stable system of interdependent parts (stability, manifest/latent functions, "
                "dysfunction).",
            ),
            (
                "Conflict Theory",
                [],
                "Society as an arena of inequality: power struggles over resources (power, exploitation, "
                "elite, oppression).",
            ),
            (
                "Symbolic Interactionism",
                [],
                "Micro-level: shared meanings through symbols (symbols, social construction, interaction).",
            ),
            ("Feminist Perspectives", [], "A focus on patriarchy and gender inequality."),
            ("Independent variable", [], "The presumed cause."),
            ("Dependent variable", [], "The measured effect."),
            ("Correlation", [], "Two things moving together."),
            ("Causation", [], "One thing produces change in another."),
            ("Population", [], "The entire group."),
            ("Sample", [], "The subset studied."),
            ("Survey", [], "Questionnaires or interviews; good for attitudes."),
            ("Experiment", [], "Manipulating the IV to measure the DV; uses control groups."),
            ("Participant Observation", ["Ethnography"], "The researcher joins the group."),
            ("Secondary Analysis", [], "Using existing data (e.g., Census)."),
            ("Content Analysis", [], "The systematic study of texts and media."),
            ("Norms", [], "Folkways (customs), then mores (morals), then laws (codified)."),
            ("Folkways", [], "Norms that are customs."),
            ("Mores", [], "Norms that are morals."),
            ("Sapir-Whorf Hypothesis", [], "Language shapes reality."),
            ("Ethnocentrism", [], "Judging by one's own standards."),
            ("Cultural Relativism", [], "Judging by their standards."),
            ("Looking-Glass Self", [], "Self-concept based on imagined judgments of others (Cooley)."),
            (
                "Stages of Self",
                [],
                "Mead: Imitation, then Play (significant others), then Game (generalized other).",
            ),
            ("Resocialization", [], "Radical identity change in Total Institutions."),
            ("Ascribed status", [], "A status from birth."),
            ("Achieved status", [], "A status that is earned."),
            ("Role Conflict", [], "Conflict between the roles of different statuses."),
            ("Role Strain", [], "Strain within one status."),
            ("Primary group", [], "A personal group."),
            ("Secondary group", [], "An impersonal group."),
            ("Strain Theory", [], "Blocked opportunities to achieve goals lead to deviance (Merton)."),
            ("Differential Association", [], "Deviance is learned from deviant peers (Sutherland)."),
            ("Labeling Theory", [], "Deviance results from being labeled; a self-fulfilling prophecy."),
            ("Control Theory", [], "Weak bonds to society lead to deviance (Hirschi)."),
        ],
        {},
    ),
    "marketing_lecture_stp": (
        [],
        [
            (
                "Segmentation",
                ["market segmentation"],
                "The process of dividing the market into distinct groups, so each group has homogeneous "
                "needs, characteristics or behaviours that allow targeting the whole group.",
            ),
            ("Targeting", [], "The process of choosing which group to market to."),
            (
                "Positioning",
                [],
                "The process of creating a clear, distinctive, and desirable position in the target "
                "customer's mind that stands out from the competition.",
            ),
            (
                "Geographic",
                [],
                "A segmentation variable: country/region, urban/rural, neighbourhood, climate.",
            ),
            (
                "Demographic",
                [],
                "A segmentation variable: ethnic background, age, gender, income, family size.",
            ),
            (
                "Psychographic",
                [],
                "A segmentation variable: lifestyle and personality (e.g. outdoors/active people vs. indoors "
                "people).",
            ),
            (
                "Behavioural",
                [],
                "A segmentation variable: when, why, and how they buy or use the product (e.g. power users "
                "vs. casual users).",
            ),
            (
                "Market-product grid",
                [],
                "A grid with products on one axis and segments on the other, to assess how attractive each "
                "product is to each segment (how many customers, revenue per customer).",
            ),
            ("4Ps", [], "Product, price, place, promotion: the marketing actions that reach target markets."),
            ("Head-to-head positioning", [], 'Comparing directly to rivals ("we are the best in x").'),
            (
                "Differentiation positing",
                [],
                'Stressing the important attributes ("we are different"), '
                "e.g. Coors' cold-activated labels.",
            ),
            (
                "Repositioning",
                [],
                "Changing the consumer's perception of a product, which is often much harder than initial "
                "positioning.",
            ),
            ("Trading down", [], "Reducing features or quality (changing the value added)."),
            ("Trading up", [], "Increasing features or quality (changing the value added)."),
            (
                "B2B marketing",
                ["B2B"],
                "Marketing to organizations: more layers of risk, since the demand for your product depends "
                "on the demand for your buyer's product; a few dominant customers, long-term relationships, "
                "risk-averse buyers.",
            ),
            (
                "Problem recognition",
                [],
                "Step 1 of the B2B purchase decision process: triggered by in-depth knowledge of the "
                "industry, often existing suppliers that prove to be insufficient.",
            ),
            (
                "Information search",
                [],
                "Step 2 of the B2B purchase decision process: specs are developed by engineers, with many "
                "more stakeholders involved.",
            ),
            (
                "Evaluation of alternatives",
                [],
                "Step 3 of the B2B purchase decision process: bids are requested; price, quality, delivery "
                "and reliability are highly prized.",
            ),
            (
                "Purchase decision",
                [],
                "Step 4 of the B2B purchase decision process: lengthy negotiation and approval processes.",
            ),
            (
                "Post-purchase behaviour",
                [],
                "Step 5 of the B2B purchase decision process: formal post-purchase evaluation, ongoing "
                "supplier performance monitoring.",
            ),
        ],
        {},
    ),
    # heldout7: written from the notes alone, without running the import (REWRITE); names the notes give
    # without any definition (the four subsystems, the rock-cycle steps, the fault parts) are left out
    "earth_science_final_summary": (
        [],
        [
            (
                "Earth Science Literacy",
                [],
                "An understanding of the reciprocal relationship between Earth and human.",
            ),
            (
                "Scientific Method",
                [],
                "A systematic method of acquiring knowledge in the natural sciences through observation and "
                "experimental testing of hypotheses.",
            ),
            (
                "Geology",
                [],
                "The study of Earth's composition and structure, the processes that contribute to these and "
                "Earth's history or time, going back to Earth's origin.",
            ),
            (
                "System",
                [],
                "An organized set of interconnected components that are defined by a definite boundary and "
                "work as a whole. The Earth is considered a system.",
            ),
            ("Geologic Time", [], "The long period of time representing Earth's geologic history."),
            ("Cryosphere", [], "Part of the hydrosphere: study of ice."),
            ("Lithosphere", [], "Part of the geosphere: upper layer of earth."),
            ("Anthrosphere", [], "Part of the biosphere: study of humans."),
            ("Asthenosphere", [], "Below the lithosphere; flows as a soft solid."),
            (
                "Silicates",
                [],
                "Minerals that consist of silicon and oxygen bonded with additional minerals; the most "
                "abundant mineral in Earth's crust (kinds: ferromagnesium and non-ferromagnesium "
                "silicates, feldspar).",
            ),
            ("Ferromagnesium silicate", [], "A silicate darker in colour (biotite)."),
            ("Non-ferromagnesium silicate", [], "A silicate lighter in colour."),
            ("Lithification", [], "A rock cycle component: turning sediments back to rock."),
            (
                "Metamorphism",
                [],
                "A rock cycle component: turning into metamorphic rock (from sedimentary or igneous).",
            ),
            ("Dyke", [], "Is more resistant to weathering."),
            (
                "Magma",
                [],
                "Melt-rich, with low viscosity, with <50% particles by volume; capable of intrusion and "
                "extrusion.",
            ),
            (
                "alphatic texture",
                [],
                "The texture from a faster rate of crystallization above Earth's surface.",
            ),
            (
                "phaneritic texture",
                [],
                "The texture from a slow rate of crystallization below Earth's surface.",
            ),
            (
                "Slaty Cleavage",
                [],
                "A texture of metamorphic rocks: the rock splits along parallel planes (parallel alignment "
                "of many microscopic platy materials).",
            ),
            (
                "Schistosity",
                [],
                "A texture of metamorphic rocks: platy minerals that are easily seen by the naked eye and "
                "are in parallel to sub-parallel alignment.",
            ),
            (
                "Gneiss",
                [],
                "A texture of metamorphic rocks: the rock contains visible banding of alternating layers of "
                "equigranular minerals that may include quartz or feldspar and platy materials.",
            ),
            ("Quartz", [], "A mineral: hard (7), conchoidal fracture, hexagonal crystal form."),
            (
                "Feldspars",
                ["Feldspar"],
                "A mineral: 2 planes of cleavage at 90 degrees that form edges, opaque, relatively hard (6), "
                "contains striations.",
            ),
            ("Micas", [], "A mineral: one plane of cleavage giving elastic sheets; soft (2-3)."),
            ("stratigraphy", [], "Determining geological time based on rock sequences."),
            ("geochronology", [], "Calibrating geological time in years using dating methods."),
            (
                "Metallic",
                [],
                "A category of minerals: contains metal, igneous rocks, ductile, conductor of heat and "
                "electricity, can be extracted by smelting.",
            ),
            (
                "Non-metallic",
                [],
                "A category of minerals: does not contain metal, no shine, sedimentary rocks, not ductile.",
            ),
            ("Aggregate", [], "Non-metallic and nonrenewable; used in construction."),
            (
                "Modified Mercalli Intensity Scale",
                [],
                "An earthquake intensity scale with 12 categories of ground shaking and structure damage.",
            ),
            (
                "Moment Magnitude",
                [],
                "A numerical measure with 10 categories of the amount of energy released by an earthquake.",
            ),
            ("Mass movement", [], "Any type of downslope movement of earth's materials."),
            (
                "Stromatolite",
                [],
                "Communities of microorganisms that baffle, trap, and precipitate particles into microbial "
                "mats in a shallow water environment.",
            ),
            ("Biospheric Reservoir", [], "Water stored in living organisms."),
            ("Atmospheric Reservior", [], "Water stored in the atmosphere, mostly in the troposphere."),
            ("Geospheric Reservior", [], "Water stored on Earth's surface and inside the Earth."),
            (
                "Topography",
                [],
                "The relief of elevation of exposed continental land surface above a reference elevation "
                "or datum such as mean sea level in the ocean.",
            ),
            (
                "Bathymetry",
                [],
                "The depth of water below a reference elevation or datum such as mean sea level in the "
                "ocean.",
            ),
            (
                "Hypsographic Curve",
                [],
                "A plot of cumulative area on the Earth's surface that occurs at various elevations.",
            ),
            (
                "Firn",
                [],
                "Granular re-crystallized snow: the transition period between snow and glacial ice.",
            ),
            (
                "Alpine glacier",
                [],
                "A mass of glacial ice in elevated terrain or mountains that descends down valleys.",
            ),
            (
                "Laurentide ice sheet",
                [],
                "The ice sheet that shaped Canada during the last ice age.",
            ),
            (
                "Moraine",
                ["recharge areas"],
                "A landform or pile of sediment commonly composed of till deposited by a glacier; moraines "
                "in Southern Ontario filter the ground waters and help the water to enter the subsurface "
                "(also called recharge areas).",
            ),
            (
                "Hygroscopic water",
                [],
                "Water tightly bound to the outer surface of soil particles that's not available for plant "
                "growth.",
            ),
            ("Gravitational water", [], "Water that exists in soil with large pores; drains quickly."),
            (
                "Capillary water",
                [],
                "Water that exists in soil with smaller pores; accessible for plant growth.",
            ),
            (
                "Aquitard",
                [],
                "An impermeable body of rock or sediment that hinders or prevents groundwater movement and "
                "cannot be extracted for use by humans.",
            ),
        ],
        {},
    ),
    # heldout7: written from the notes alone, without running the import (REWRITE); the Russian and
    # English glosses in parentheses are the aliases; bones named with no gloss at all are left out
    "anatomy_outline_glosses": (
        [],
        [
            ("anatomy", [], "About the statics of an organism: focus on structure."),
            ("physiology", [], "More about the dynamics of an organism: its development, metabolism, etc."),
            (
                "skeleton",
                [],
                "The structural frame that supports an animal body; types: exoskeleton, endoskeleton, "
                "hydroskeleton; functions: mechanical, hematopoietic (blood-forming), metabolic (deposit "
                "of minerals like Ca).",
            ),
            ("exoskeleton", [], "A stable outer shell of an organism."),
            ("endoskeleton", [], "Forms the support structure inside the body."),
            ("hydroskeleton", [], "A flexible skeleton supported by fluid pressure."),
            (
                "hematopoietic",
                ["blood-forming", "кроветворная"],
                "A function of the skeleton: blood-forming.",
            ),
            (
                "red bone marrow",
                ["красный костный мозг"],
                "Contained in the bones of a skeleton (красный костный мозг).",
            ),
            (
                "marrow adipose tissue",
                ["желтый костный мозг"],
                "Contained in the bones of a skeleton: the fatty/yellow fraction (желтый костный мозг).",
            ),
            ("axial skeleton", [], "The bones of the head and trunk."),
            ("appendicular skeleton", [], "The bones that support the appendages."),
            ("skull", [], "23 bones: the neurocranium and the viscerocranium."),
            ("neurocranium", ["мозговой отдел"], "Part of the skull (мозговой отдел)."),
            (
                "viscerocranium",
                ["facial skeleton", "лицевой отдел"],
                "Part of the skull: the facial skeleton (лицевой отдел).",
            ),
            ("ossicles", [], "Bones of the head in the inner ear."),
            ("hyoid bone", ["подъязычная кость"], "A bone of the head (подъязычная кость)."),
            ("upper arm", ["brachium", "плечо"], "Part of the arm (brachium); its bone is the humerus."),
            (
                "humerus",
                ["плечевая кость"],
                "The long bone in the arm that runs from the shoulder to the elbow.",
            ),
            ("femur", [], "The bone of the upper leg."),
            ("tibia", [], "A bone of the lower leg (the thickest)."),
            ("fibula", [], "A bone of the lower leg (the side one)."),
            (
                "tissue",
                [],
                "An ensemble of similar cells and their extracellular matrix from the same origin that "
                "together carry out a specific function; main groups: epithelial, connective, muscle, "
                "nervous.",
            ),
            (
                "epithelial",
                [],
                "A main group of tissues, formed by cells that cover the organ surfaces; types: simple, "
                "stratified. Examples: surface of skin, airways, surfaces of soft organs, the reproductive "
                "tract, inner lining of the digestive tract.",
            ),
            ("simple", ["однослойный"], "A type of epithelial tissue (однослойный)."),
            (
                "stratified",
                ["многослойный"],
                "A type of epithelial tissue (многослойный): the most exterior cells are dead and lose "
                "their nucleus and cytoplasm; contains a tough, resistant protein called keratin.",
            ),
            ("keratin", [], "A tough, resistant protein contained in stratified epithelium."),
            (
                "connective",
                [],
                "A main group of tissues, found in between other tissues everywhere in the body; "
                "components: fibers (elastic and collagen fibers), ground substance, cells; main types: "
                "liquid connective tissues (blood and lymph), fascia, cartilage, tendons and ligaments, "
                "bone, fat (white, brown).",
            ),
            (
                "ground substance",
                ["межклеточное вещество"],
                "A component of connective tissue (межклеточное вещество).",
            ),
            (
                "bone",
                [],
                "A type of connective tissue: collagen (structural protein), 1/3 of mass, and phosphates "
                "and hydrophosphates of Ca and Mg, 2/3 of mass; cells: osteocytes.",
            ),
            ("collagen", [], "A structural protein: 1/3 of the mass of bone."),
            ("osteocytes", [], "The cells of bone."),
            ("muscle", [], "A main group of tissues: skeletal, smooth, cardiac."),
            ("nervous", [], "A main group of tissues: neurons, glial."),
            (
                "organ",
                [],
                "A collection of tissues joined in a structural unit to serve a common function.",
            ),
        ],
        {},
    ),
    # heldout7: written from the notes alone, without running the import (REWRITE); the headings left as
    # pencil placeholders (biomass pyramids, water and carbon cycles) have nothing to write
    "ecology_study_guide": (
        [],
        [
            ("biotic factors", [], "Living components in an ecosystem (e.g. grass, cows)."),
            ("abiotic factors", [], "Nonliving components in an ecosystem (e.g. rocks, river)."),
            ("Biodiversity", [], "The variety of life."),
            ("producer", [], "An organism that makes and stores food for consumers."),
            ("consumer", [], "An organism that consumes other living things for energy."),
            (
                "primary consumer",
                [],
                "A consumer that directly eats plants (2nd step of trophic level).",
            ),
            (
                "secondary consumer",
                [],
                "A consumer that eats other consumers for energy (3rd step of trophic level).",
            ),
            (
                "tertiary consumer",
                [],
                "A consumer that eats other consumers for energy (4th step of trophic level).",
            ),
            ("herbivore", [], "A consumer that only eats autotrophs."),
            ("decomposer", [], "An organism that breaks things down chemically."),
            ("scavenger", [], "An organism that feeds on dead or decaying matter."),
            ("detrivore", [], "An organism that breaks things down physically (through digestion)."),
            (
                "The rule of 10%",
                [],
                "The energy absorbed from a trophic level is only 10% of the energy transferred to the "
                "previous trophic level; the other 90% is lost in heat (to maintain homeostasis).",
            ),
            ("Keystone species", [], "A species that provides structure and stability to an ecosystem."),
            ("Primary succession", [], "Succession that initiates from bare rock."),
            (
                "Secondary succession",
                [],
                "Succession that occurs after a natural disaster took place (when there is still a thin "
                "layer of soil on the ground).",
            ),
            (
                "Nitrogen cycle",
                [],
                "Bacteria and lightning fix nitrogen gas, then primary producers absorb it; it is "
                "transferred to heterotrophs and denitrified after they die.",
            ),
            (
                "Legume plants",
                [],
                "Have roots that have N-fixing bacteria, giving them an advantage.",
            ),
            (
                "nitrogen fixation",
                [],
                "The process used by certain bacteria of converting nitrogen gas into ammonia.",
            ),
            (
                "denitrification",
                [],
                "The process used by some bacteria that involves obtaining energy by converting nitrates "
                "into nitrogen gas.",
            ),
            ("mutualism", [], "Symbiosis in which both organisms benefit."),
            ("commensalism", [], "Symbiosis in which one organism benefits, and the other is unaffected."),
            ("parasitism", [], "Symbiosis in which one organism benefits, and the other is harmed."),
            (
                "competition",
                [],
                "A struggle to obtain resources (usually results in parasitism-like results).",
            ),
            (
                "food chains",
                [],
                "A diagram showing the energy transfer of organisms (only one arrow points to each "
                "organism).",
            ),
            ("food web", [], "A combination of many food chains."),
            (
                "species",
                [],
                "A group of similar organisms that can breed and produce fertile offspring.",
            ),
            ("population", [], "An assemblage of the same species in an area."),
            (
                "community",
                [],
                "An assemblage of different populations that live together in a defined area.",
            ),
            (
                "ecosystem",
                [],
                "All the organisms that live in a place, together with their physical environment.",
            ),
            (
                "biome",
                [],
                "A group of ecosystems that share similar climates and typical organisms.",
            ),
            ("Limiting factors", [], "Factors that control a population."),
            (
                "Density-dependent limiting factors",
                [],
                "Limiting factors that arise only when population density is high (e.g. diseases, "
                "competition, parasitism, stress from overcrowding, herbivory, and predation).",
            ),
            (
                "Density-independent limiting factors",
                [],
                "Limiting factors that do not operate more strongly when population density is different "
                "(e.g. natural disasters and environmental extremes).",
            ),
            (
                "Exponential growth",
                ["J-curve"],
                "When a population has enough resources, reproduction keeps the population growing "
                "exponentially.",
            ),
            (
                "Logistic growth",
                ["S-curve"],
                "When a population experiences density-dependent limiting factors, making birth rate equal "
                "death rate.",
            ),
            (
                "immigration",
                [],
                "Happens when resources are plentiful, increasing population.",
            ),
            (
                "emigration",
                [],
                "Happens when there is a limiting resource, decreasing population.",
            ),
        ],
        {},
    ),
    # heldout7: written from the notes alone, without running the import (REWRITE); each joined note's
    # term is the subject of its definition sentence (the notes keep no titles)
    "astronomy_callouts_vault": (
        [],
        [
            (
                "galaxy",
                [],
                "A huge collection of billions of stars, dust, gas, and dark matter, all held together by "
                "gravity; galaxies have different shapes and are separated by vast distances. Example: "
                "the Milky Way, our home galaxy, about 100,000 light years across, spiral in shape.",
            ),
            (
                "planet",
                [],
                "A celestial body that must orbit a star, must be large enough to have enough gravity to be "
                "forced into a spherical shape, and large enough that its gravity has removed any other "
                "objects of a similar size near its orbit. Example: Earth.",
            ),
            (
                "cosmic size hierarchy",
                [],
                "Planets, stars, solar systems, nebulae, galaxies, galaxy clusters.",
            ),
            (
                "speed of light",
                [],
                "Approximately 300,000,000 metres per second (3 x 10^8); the light from the Sun takes "
                "8.3 minutes to reach the Earth.",
            ),
            ("Universal scales", [], "Ways of measuring distances in space (AU, light year, parsec)."),
            (
                "astronomical unit",
                ["AU"],
                "A way to measure distances within our solar system: the average distance between the Earth "
                "and the Sun (149,597,871 km, about 150,000,000 km).",
            ),
            (
                "Light years",
                ["light year"],
                "A way of measuring the distance within galaxies and between stars (interstellar "
                "distances): the distance light travels in one year (about 9.46 trillion km / 63,241 AU).",
            ),
            (
                "geocentric model",
                [],
                "A scientific model supporting the idea that the Earth was the centre of the universe, with "
                "the planets and the Sun orbiting the Earth.",
            ),
            (
                "heliocentric model",
                [],
                "A scientific model founded in 1543 by Copernicus, supporting the idea that the Sun is at "
                "the centre of the solar system and that the Earth and other planets orbit the Sun.",
            ),
            (
                "nebula",
                [],
                "A giant cloud of gas and dust (mainly hydrogen) in space where stars reside, are born, or "
                "are remnants of their death; can be the birthplace of new stars; often colourful; very "
                "large (light-years across). Example: the Orion Nebula.",
            ),
            ("orbit", [], "The curved path of a celestial object, such as a star or planet."),
            (
                "parsec",
                ["parallax of one arcsecond"],
                "A unit of measurement for astronomical research to measure distance between distant "
                'galaxies and stars (galactic/intergalactic distances); stands for "parallax of one '
                'arcsecond"; 1 parsec is about 3.26 light years or 206,265 AU.',
            ),
            (
                "solar system",
                [],
                "A star with planets, moons, asteroids, and comets that orbit around it due to gravity. Ours "
                "was formed 4.6 billion years ago and is located in the Milky Way.",
            ),
            (
                "star",
                [],
                "A celestial body that is a hot sphere of gas, emitting light and heat, held by its own "
                "gravity. Example: the Sun.",
            ),
            (
                "Universal gravitation",
                [],
                "A law created by Isaac Newton, stating that any particle of matter in the universe attracts "
                "any other with a force.",
            ),
            (
                "scientific model",
                [],
                "A simplified representation of a complex system or idea; it serves as the explanation and "
                "prediction for scientific research (e.g. the heliocentric model).",
            ),
            (
                "scientific theory",
                [],
                "A well-supported explanation based on evidence; it serves as the reason for scientific "
                "ideas.",
            ),
        ],
        {},
    ),
    # heldout7: written from the notes alone, without running the import (REWRITE); the example bullets
    # under each heading are the entries' examples (ADD_EXAMPLES)
    "literary_devices_headings": (
        [],
        [
            ("Literary devices", [], "Tools that writers can use to enhance their texts."),
            ("Alliteration", [], "The repetition of the same sound at the beginning of words."),
            (
                "Allusion",
                [],
                "Hinting or referring to somebody or something famous in real life or literature.",
            ),
            ("Assonance", [], "Repetition of similar vowels."),
            ("Contrast", [], "To emphasize the difference between two things."),
            ("End rhyme", [], "Poetry lines that end with words that sound the same."),
            ("Exaggeration", ["hyperbole"], "Clarifying a point by overstating it."),
            ("Flashback", [], "A scene that takes the story back in time."),
            ("Foreshadowing", [], "A hint about what is going to happen later in the story."),
            ("Irony", [], "Saying the opposite of what one means."),
            ("Metaphor", [], "A comparison between two objects without using like or as."),
            ("Onomatopoeia", [], "Words imitating the sounds they describe."),
            ("Oxymoron", [], "Two opposites are joined to create a surprising effect."),
            (
                "Parallel construction",
                [],
                "Words, phrases or clauses that are similar in length and grammatical form next to each "
                "other; an effective form of repetition often used in speeches.",
            ),
            ("Personification", [], "Giving human qualities to an object or animal."),
            ("Repetition", [], "Repeating key words, phrases or sentences (in general terms)."),
            ("Rhythm", [], "A regular pattern of sounds."),
            ("Simile", [], "A comparison between two objects using like or as."),
            ("Slogan", ["power line"], "A memorable catchphrase."),
            ("Symbol", [], "Represents something more and beyond itself."),
            (
                "Understatement",
                [],
                "Describes something in a way that makes it seem less important.",
            ),
        ],
        {},
    ),
    # tune8 (then heldout8): written from the notes alone, without running the import (REWRITE);
    # the bold memory aids
    # are kept in the definitions, the equity synonyms and the income statement's other names are aliases
    "accounting_glossary_numbered": (
        [],
        [
            (
                "Accounts",
                [],
                'A "container" that tracks specific assets, liabilities, equity, income, or expenses.',
            ),
            ("Accounting Equation", [], "A = L + E"),
            ("Accounting Cycle", [], "Record, process, report."),
            (
                "Account form balance sheet",
                [],
                "A balance sheet that lists assets on the left and liabilities and owner's equity on the "
                "right (see also Report form balance sheet).",
            ),
            (
                "Accrual basis of accounting assumption",
                [],
                "States that the effects of all transactions and other events are recognized in the "
                "accounting records when they occur, rather than when cash or its equivalent are exchanged.",
            ),
            (
                "ADIP",
                ["Additional Paid-In Capital"],
                "Additional Paid-In Capital: an owner's equity account title.",
            ),
            (
                "Adjusting entries",
                [],
                "Fixing incomplete or inaccurate records at the end of an accounting period, ensuring the "
                "proper accounts and values are entered (cleaning up the financials before reporting).",
            ),
            (
                "Adjustment",
                [],
                "A change made to an account that reflects its accurate or updated balances at the end of a "
                'period ("updates to keep things accurate").',
            ),
            ("ALORE", [], "Assets, Liabilities, Owner's Equity, Revenue, Expenses."),
            (
                "Audit Trail",
                [],
                '"Breadcrumbs leading to the source": a sequential chain of evidence (documents, entries) '
                "showing the origin and flow of information. Document numbers, check numbers, account "
                "reference numbers, dates, companies/individuals used, and equipment bought or sold should "
                "be listed.",
            ),
            (
                "Balance Ledger Form",
                [],
                "A two-column spreadsheet (debit and credit) that presents each account's balances and net "
                "changes during a specific period: a ledger account form that shows the account balance "
                "after each entry is posted.",
            ),
            (
                "Balance sheet",
                [],
                "A formal report of a business's financial assets, liabilities, and owner's equity for a "
                "specific period, A = L + E.",
            ),
            (
                "Book Value",
                [],
                "The remaining cost of an asset after factoring in accumulated depreciation (think: worth "
                "after depreciation).",
            ),
            ("Capital", ["Owner's equity"], 'Financial investment in a business; "owner\'s equity".'),
            (
                "Chart of Accounts",
                [],
                "A master list of all accounts used by a company, organized by category and code for easy "
                "reference.",
            ),
            ("Classification", [], "Grouping transactions into relevant accounts."),
            (
                "Closing Journal Entries",
                ["Closing entries"],
                "Closing entries transfer temporary account balances, like revenue and expenses, into "
                "permanent accounts like retained earnings, resetting temporary accounts to zero and "
                "preparing them for the next period.",
            ),
            (
                "Compound Entry",
                [],
                "A single journal entry that affects multiple accounts, usually with debits and credits "
                "(one entry, multiple impacts).",
            ),
            ("Contra Account", [], "An account with an average balance opposite that of a related account."),
            (
                "Contra Asset Account",
                [],
                'A contra account that reduces the balance of an asset account (think: a "mini-vacuum" '
                "sucking away from another asset).",
            ),
            (
                "Correcting Entry",
                [],
                "An entry made to fix or adjust an error in a previous entry (an entry to fix mistakes).",
            ),
            (
                "DEA-LER",
                [],
                "Dividends, Expenses, Assets & Liabilities, Equity, Revenue; the first three are debits, "
                "the last three credits.",
            ),
            (
                "Double-declining-depreciation",
                [],
                "Depreciation whose rate is twice simple linear depreciation.",
            ),
            (
                "Drawing Account",
                [],
                "An account that records owner withdrawals from the business, reducing their equity.",
            ),
            (
                "Equity",
                ["Ownership interest", "Investment", "Net assets", "Net worth"],
                "Ownership interest in a business; as net assets, the difference between assets and "
                "liabilities, the residual value owned by shareholders; as investment, the financial stake; "
                "as capital, the funds invested in a business; net worth.",
            ),
            (
                "Fair market value",
                [],
                "The current value of an asset or the price the asset would bring if sold on the open "
                "market.",
            ),
            (
                "Financial interest",
                [],
                "A claim on a company's profits or assets, typically represented by ownership through shares "
                "or investments, granting rights to dividends, voting power, and potential capital "
                "appreciation: an economic stake in a company, expecting financial rewards.",
            ),
            (
                "Footing",
                [],
                "A calculation and sum written showing debits or credits of a column to check for accuracy.",
            ),
            ("Fundamental accounting equation", [], "A = L + E / DEAR-CLIP"),
            (
                "DEAR-CLIP",
                [],
                "Drawings + Expenses + Assets + Receivables = Capital + Liabilities + Income + Payables.",
            ),
            (
                "Depreciation",
                [],
                "The systematic allocation of an asset's cost over its useful life as an expense (think: "
                "spreading out the cost of using something over time).",
            ),
            (
                "General Journal",
                [],
                "The chronological record of all transactions before they are categorized and distributed to "
                'individual accounts (the first "bucket" for all transactions).',
            ),
            (
                "General Ledger",
                [],
                "The central accounting record containing individual accounts for assets, liabilities, "
                "equity, income, and expenses: the diary of a business.",
            ),
            (
                "Income Statement",
                ["Statement of Operations", "Profit and Loss Statement"],
                "A statement that consists of only revenue and expense accounts.",
            ),
            (
                "Internal Control",
                [],
                "Policies/procedures implemented to safeguard assets, ensure accurate financial records, and "
                "comply with laws and regulations.",
            ),
            (
                "Journal",
                [],
                "A formal record of financial transactions in chronological order, typically with debits and "
                "credits for each entry (record of original entry).",
            ),
            (
                "Journalizing",
                [],
                "Analyzing and recording transactions in a journal using debits and credits according to "
                "accounting principles (putting transactions into words and numbers).",
            ),
            ("List of approved suppliers", [], "Used as an internal control."),
            (
                "Ledger",
                [],
                "A collection of individual accounts categorized by function (assets, liabilities, equity, "
                "income, expenses) that records the balances and activity details of each account based on "
                "entries in the general journal: the record of final entry.",
            ),
            ("Normal Balance", [], "The normal balance of an account is its increase side."),
            (
                "Permanent Account",
                [],
                "Accounts carried over to the next accounting period that reflect long-term financial "
                "standing: assets, liabilities, and equity.",
            ),
            (
                "Prepaid Expenses",
                [],
                "Expenses paid in advance but not yet used or consumed (think: paying ahead of time but "
                "still waiting to use it).",
            ),
            (
                "Posting",
                [],
                "Transferring recorded transactions from the general journal to individual accounts in the "
                "general ledger.",
            ),
            (
                "Report Form Balance Sheet",
                [],
                "A standard template for financial reports that lists the asset accounts first, followed by "
                "liabilities and owner's equity.",
            ),
            (
                "Salvage Value",
                ["Scrap value"],
                "An asset's estimated resale or scrap value at the end of its useful life, usually after "
                "depreciation.",
            ),
            ("Slide", [], "An accidental movement of a decimal point."),
            (
                "Statement of Owner's Equity",
                [],
                "A financial statement summarizing changes in the owner's investment, including "
                "contributions, withdrawals, and profits/losses, showing the ending balance: what the owner "
                "puts in, takes out, and has left.",
            ),
            (
                "Straight-Line Depreciation",
                [],
                "Dividing an asset's cost (initial cost - salvage value) equally over its useful life as an "
                "expense: linear depreciation.",
            ),
            (
                "Temporary Account",
                [],
                "Accounts only used during an accounting period to summarize income and expenses, closing to "
                "zero at the end: cost of goods sold, revenue, etc.",
            ),
            ("Transposition", [], "Accidentally switching the order of digits in a number."),
            (
                "Trial Balance",
                [],
                "A list of transactions and accounts after posting entries; debits must equal credits.",
            ),
        ],
        {},
    ),
    # tune8 (then heldout8): written from the notes alone, without running the import (REWRITE);
    # neurons and weights,
    # defined in the bullets under neural networks, are entries of their own
    "ml_terminology_inline_bold": (
        [],
        [
            (
                "Machine learning",
                ["ML"],
                "A modern software development technique that enables computers to solve problems by using "
                "examples of real-world data.",
            ),
            (
                "Supervised learning",
                [],
                "Learning in which every training sample from the dataset has a corresponding label or "
                "output "
                "value associated with it, so the algorithm learns to predict labels or output values.",
            ),
            (
                "Reinforcement learning",
                [],
                "Learning in which the algorithm figures out which actions to take in a situation to "
                "maximize "
                "a reward (in the form of a number) on the way to reaching a specific goal.",
            ),
            (
                "Unsupervised learning",
                [],
                "Learning with no labels for the training data: the algorithm tries to learn the underlying "
                "patterns or distributions that govern the data.",
            ),
            ("Model", [], "An extremely generic program, made specific by the data used to train it."),
            (
                "Model training algorithms",
                [],
                "Algorithms that work through an iterative process: the current model iteration is analyzed "
                "to determine what changes can be made to get closer to the goal, the changes are made, and "
                "the iteration continues until the model is evaluated to meet the goals.",
            ),
            ("Model inference", [], "When the trained model is used to generate predictions."),
            (
                "Clustering",
                [],
                "An unsupervised learning task that helps to determine if there are any naturally occurring "
                "groupings in the data.",
            ),
            (
                "Categorical label",
                [],
                'A label with a discrete set of possible values, such as "is a cat" and "is not a cat".',
            ),
            (
                "Continuous label",
                ["Regression label"],
                "A label without a discrete set of possible values, which means possibly an unlimited number "
                "of possibilities.",
            ),
            (
                "Discrete",
                [],
                "A term taken from statistics referring to an outcome taking on only a finite number of "
                "values (such as days of the week).",
            ),
            ("Label", [], "Data that already contains the solution."),
            (
                "Unlabeled data",
                [],
                "Data for which you don't need to provide the model with any kind of label or solution while "
                "the model is being trained.",
            ),
            (
                "Impute",
                [],
                "A common term referring to different statistical tools which can be used to calculate "
                "missing values from your dataset.",
            ),
            ("Outliers", [], "Data points that are significantly different from others in the same sample."),
            (
                "Hyperparameters",
                [],
                "Settings on the model which are not changed during training but can affect how quickly or "
                "how reliably the model trains, such as the number of clusters the model should identify.",
            ),
            ("Loss function", [], "A function used to codify the model's distance from its goal."),
            (
                "Training dataset",
                [],
                "The data on which the model will be trained; most of your data will be here.",
            ),
            (
                "Test dataset",
                [],
                "The data withheld from the model during training, which is used to test how well your model "
                "will generalize to new data.",
            ),
            (
                "Model parameters",
                [],
                "Settings or configurations the training algorithm can update to change how the model "
                "behaves.",
            ),
            (
                "Log loss",
                [],
                "A measure that seeks to calculate how uncertain your model is about the predictions it is "
                "generating.",
            ),
            ("Model accuracy", [], "The fraction of predictions a model gets right."),
            (
                "Continuous",
                [],
                "Floating-point values with an infinite range of possible values; the opposite of "
                "categorical "
                "or discrete values, which take on a limited number of possible values.",
            ),
            ("Hyperplane", [], "A mathematical term for a surface that contains more than two planes."),
            (
                "Plane",
                [],
                "A mathematical term for a flat surface (like a piece of paper) on which two points can be "
                "joined by a straight line.",
            ),
            ("Regression", [], "A common task in supervised machine learning."),
            (
                "Bag of words",
                [],
                "A technique used to extract features from text: it counts how many times a word appears in "
                "a "
                "document (corpus), and then transforms that information into a dataset.",
            ),
            (
                "Data vectorization",
                [],
                "A process that converts non-numeric data into a numerical format so that it can be used by "
                "a "
                "machine learning model.",
            ),
            (
                "Silhouette coefficient",
                [],
                "A score from -1 to 1 describing the clusters found during modeling: near zero indicates "
                "overlapping clusters, less than zero data points assigned to incorrect clusters, "
                "approaching "
                "1 successful identification of discrete non-overlapping clusters.",
            ),
            (
                "Stop words",
                [],
                "A list of words removed by natural language processing tools when building your dataset; "
                "there is no single universal list of stop words used by all of them.",
            ),
            (
                "Convolutional neural networks",
                ["CNN"],
                "A special type of neural network particularly good at processing images.",
            ),
            ("Neural networks", [], "A collection of very simple models connected together."),
            ("Neurons", [], "The very simple models that a neural network connects together."),
            (
                "Weights",
                [],
                "The connections between the simple models (neurons) of a neural network: trainable model "
                "parameters.",
            ),
        ],
        {},
    ),
    # tune8 (then heldout8): written from the notes alone, without running the import (REWRITE);
    # a reversed card
    # ("Interval - 3 half steps" / "Minor Third") is an entry for the interval it names, the five
    # quality inversion cards one entry, the two cadence cards one entry
    "music_theory_anki_cards": (
        [],
        [
            ("Unison", ["Prime"], "The same note being played harmonically; the interval of 0 half steps."),
            ("Minor Second", [], "The interval of 1 half step."),
            ("Major Second", [], "The interval of 2 half steps."),
            ("Minor Third", [], "The interval of 3 half steps."),
            ("Major Third", [], "The interval of 4 half steps."),
            ("Fourth", [], "The interval of 5 half steps; a perfect interval."),
            ("Tritone", ["Augmented Fourth", "Diminished Fifth"], "The interval of 6 half steps."),
            ("Fifth", [], "The interval of 7 half steps; a perfect interval."),
            ("Minor Sixth", [], "The interval of 8 half steps."),
            ("Major Sixth", [], "The interval of 9 half steps."),
            ("Minor Seventh", [], "The interval of 10 half steps."),
            ("Major Seventh", [], "The interval of 11 half steps."),
            ("Octave", [], "The interval of 12 half steps; a perfect interval."),
            ("Perfect intervals", [], "Prime, fourth, fifth and octave."),
            ("Augment an interval", [], "Add a half step to a perfect or major interval."),
            ("Diminish an interval", [], "Subtract a half step from a perfect or minor interval."),
            ("Compounded interval", [], "An interval bigger than an octave."),
            (
                "Quality inversion",
                [],
                "Minor inverts to major, major to minor, perfect to perfect, diminished to augmented, "
                "augmented to diminished.",
            ),
            ("Chromatic scale", [], "Half steps in succession."),
            ("Whole tone scale", [], "Whole steps in succession."),
            ("Symmetric scale", [], "A scale made up of the same interval(s)."),
            (
                "Cadence",
                [],
                "The end of a musical segment: the end of a phrase in which the melody or harmony creates a "
                "sense of full or partial resolution.",
            ),
            ("Major scale", [], "Scale steps: root W W H W W W H."),
            ("Minor scale", [], "Scale steps: root W H W W H W W."),
            ("Triad", [], "Three notes stacked in consecutive thirds."),
            ("Major triad", [], "A major third + a minor third."),
            ("Minor triad", [], "A minor third + a major third."),
            ("Diminished triad", [], "A minor third + a minor third."),
            ("Augmented triad", [], "A major third + a major third."),
            ("Invert a triad", [], "Take the lowest note and place it up an octave."),
            ("Diatonic", [], "Using only notes from a specific scale."),
            ("Chromatic", [], "Using all 12 notes."),
            ("Tonic", [], "The first and main note of the scale."),
            (
                "Scale degrees",
                [],
                "The number values assigned to the steps of the musical scale (1 to 7 in seven note scales "
                "like the major and minor scale): the position of a particular note on a scale relative to "
                "the tonic.",
            ),
            (
                "Functional harmony",
                [],
                "Music that works within a tonal framework and uses chords that have specific functions in "
                "that tonality (home -> not home -> home).",
            ),
            (
                "Modal music",
                [],
                "Music that finds tension and release through colors of sound rather than through functional "
                "harmony.",
            ),
            (
                "Chord function",
                [],
                "The role of a chord in relation to a diatonic key: tonic, dominant, subdominant.",
            ),
            (
                "Dominant",
                [],
                "A seventh chord built on the fifth scale degree; it creates tension that wants to resolve "
                "to the tonic.",
            ),
            ("Subdominant", [], "A chord built on the fourth scale degree."),
            (
                "Phrasing",
                [],
                "The method by which a musician shapes a sequence of notes in a passage of music to allow "
                "expression.",
            ),
            (
                "Articulation",
                [],
                "A fundamental musical parameter that determines how a single note or other discrete event "
                "is sounded: short or long, strong or soft attack, quiet or loud.",
            ),
            ("Voice leading", [], "How chords flow from one to another."),
            (
                "Closed voicing",
                [],
                "Voicing in which all the notes in the chord are arranged as close together as possible.",
            ),
            (
                "Open voicing",
                [],
                "Voicing in which all the notes in the chord are arranged as far apart as possible.",
            ),
            ("Suspended chord", [], "A triad without a third, using a second or fourth instead."),
            ("sus2", [], "The second takes the place of the third."),
            ("sus4", [], "The fourth takes the place of the third."),
            ("Chord tone", [], "A note that exists within a certain chord."),
            ("Slash chord", [], "A triad over a bass note that is not a chord tone."),
            ("Polychord", [], "Two chords, most often triads, stacked on top of each other."),
            ("Approach tone", [], "A note leading up to a chord tone."),
            ("Chord", [], "The sounding of more than two notes together."),
            ("Consonant", [], "Two or more tones sounding together in a pleasant way."),
            ("Dissonant", [], "Two or more tones sounding together in a harsh way."),
            ("Density", [], "How many notes are played in a given time."),
            ("Tonal displacement", [], "Moving a note or group of notes up or down by a certain interval."),
            ("Downbeat", [], "The first beat of a bar."),
            ("Dynamics", [], "Musical expression from soft to loud."),
            ("Enharmonic", [], "Notes that sound the same but are named differently."),
            ("Extension notes", [], "Non-chord notes."),
            (
                "Pickup",
                [],
                "A note or group of notes in the beginning of a musical piece or section thereof that comes "
                "before the first downbeat.",
            ),
            (
                "Sequence",
                [],
                "A passage of music repeated at a higher or lower level of pitch; the repeat can be an exact "
                "transposition (a real sequence) or the intervals can be changed (a tonal sequence).",
            ),
        ],
        {},
    ),
    # tune8 (then heldout8): written from the notes alone, without running the import (REWRITE);
    # the question headings
    # and the empty heading are no entries; passive margins, defined in apposition, is one
    "geology_rocks_vault": (
        [],
        [
            (
                "Rock",
                [],
                "A coherent, naturally occurring solid consisting of an aggregate of minerals; crystals can "
                "grow together in a solid form to become rocks.",
            ),
            (
                "Clastic Rocks",
                [],
                "Rocks made of crystalline grains held together by a cement.",
            ),
            (
                "Cement",
                [],
                "A medium that holds many smaller mineral crystals together; it can be carbonate, silicate, "
                "iron based, or a number of other types.",
            ),
            (
                "Crystalline Rocks",
                [],
                "Rocks heated together until different mineral crystals fuse together, then cool, becoming a "
                "single mass.",
            ),
            (
                "Sedimentary rocks",
                [],
                "Rocks formed by cementing together rock fragments by precipitation of mineral crystals out "
                "of water solutions, e.g. in a riverbed over thousands of years; they form at passive "
                "margins "
                "and can also be formed from erosion.",
            ),
            (
                "Igneous Rocks",
                [],
                "Rocks formed by the solidification of molten rock, at mid ocean ridges and continental "
                "volcanoes.",
            ),
            (
                "Metamorphic Rock",
                [],
                "Rock formed when preexisting rock is exposed to heat or pressure, at continental plate "
                "boundaries, recrystallizing into different types of rock.",
            ),
            ("Passive margins", [], "Ocean shores where no subduction is occurring."),
            (
                "Erosion",
                [],
                "Rock formations breaking off pieces over time, from wind, rain, or other reasons; the "
                "smaller "
                "particles can collect into sediment and form sedimentary rocks.",
            ),
            (
                "Deposition",
                [],
                "The deposition of sand in bodies of water creates many layers of sediment, which compact "
                "over "
                "time to create sedimentary rocks.",
            ),
            (
                "Eruption",
                [],
                "Magma from the mantle comes up to the surface at mid ocean ridges and volcanoes, and then "
                "cools, forming igneous rocks.",
            ),
            (
                "Pressure",
                [],
                "Forces at continental plate boundaries, or sufficient depth in the earth's crust, put large "
                "amounts of heat and pressure on rocks, causing the formation of metamorphic rocks.",
            ),
            ("Bedrock", [], "Rock that is still attached to the earth's crust."),
            (
                "Rock Outcropping",
                [],
                "A piece of bedrock that can be observed on the earth's surface.",
            ),
        ],
        {},
    ),
    # tune8 (then heldout8): written from the notes alone, without running the import (REWRITE);
    # the bold labels that
    # are no terms (Combined, Example, Standard Order) and the summary table's wikilinks are left out
    "linguistics_pillars_vault": (
        [],
        [
            (
                "Linguistics",
                [],
                "The scientific study of language; it views English as a structured system built on five "
                "fundamental pillars.",
            ),
            (
                "Phonetics and Phonology",
                ["Phonology"],
                "The pillar that focuses on how we physically create sounds and how those sounds function "
                "within a language.",
            ),
            (
                "Phonemes",
                [],
                'The smallest units of sound that can change the meaning of a word, e.g. "cat" and "bat" '
                "differ by a single phoneme: /k/ vs /b/.",
            ),
            (
                "Phonetic language",
                [],
                "A language whose words are spelt the way they sound; English is not one.",
            ),
            ("Morphology", [], "The study of how words are formed."),
            ("Morphemes", [], "The smallest units of meaning."),
            ("Free Morphemes", [], 'Words that can stand alone (e.g. "kind").'),
            (
                "Bound Morphemes",
                [],
                'Prefixes or suffixes that must be attached to a word to have meaning (e.g. "-ness").',
            ),
            (
                "Syntax",
                [],
                "The set of rules, principles, and processes that govern the structure of sentences; it "
                "dictates the order of words so that they make sense to a listener.",
            ),
            (
                "Subject-Verb-Object",
                ["SVO"],
                "The standard order English primarily follows.",
            ),
            (
                "Semantics",
                [],
                "The literal meaning of words and sentences: the bridge between the structures we build "
                "(syntax) and the ideas we want to express.",
            ),
            ("Denotation", [], "The literal dictionary definition of a word."),
            (
                "Connotation",
                [],
                "The emotional or cultural feeling associated with a word.",
            ),
            (
                "Pragmatics",
                ["Social language"],
                "How context contributes to meaning: the difference between what we say and what we actually "
                "mean.",
            ),
        ],
        {},
    ),
    # tune9 (then heldout9): written from the notes alone, without running the import (REWRITE);
    # the IAM and EC2 headings' bullets make their definitions; the purchasing options,
    # bucket > object > key, the talk log and the coming-soon list are no entries; HPC, an expansion
    # only, is defined by it
    "aws_cloud_student_bullets": (
        [],
        [
            (
                "IAM",
                ["Identity and Access Management"],
                "Identity and Access Management: global (not region-specific); allows managing users, "
                "groups, and permissions; the Principle of Least Privilege is best practice; a shared "
                "responsibility.",
            ),
            (
                "Principle of Least Privilege",
                [],
                "Best practice in IAM (managing users, groups, and permissions).",
            ),
            (
                "EC2",
                ["Elastic Compute Cloud"],
                "Elastic Compute Cloud: virtual servers; you choose the instance type, OS and region; "
                "purchasing options On-demand, Spot, Reserved (standard and convertible), dedicated host,"
                " dedicated instance; a shared responsibility.",
            ),
            ("Security groups", [], "A firewall attached to an EC2 instance."),
            (
                "S3",
                ["Simple Storage Service"],
                "Simple Storage Service: object storage, highly durable and scalable (bucket > object > "
                "key).",
            ),
            (
                "Amazon FSx for Lustre",
                [],
                "A fully managed, high performance, scalable file storage for high performance computing "
                "(HPC); the name Lustre is derived from 'Linux' and 'Cluster'; used for machine learning,"
                " analytics, video processing, financial modeling; scales up to 100s of GB/s and millions"
                " of IOPS.",
            ),
            ("HPC", ["High performance computing"], "High performance computing."),
            (
                "FSx for Windows file server",
                [],
                "A fully managed, highly reliable, and scalable Windows-native shared file system, built "
                "for Windows file server: supports the SMB protocol and Windows NTFS, is integrated with "
                "Microsoft Active Directory, and can be accessed from AWS or your on-premises "
                "infrastructure.",
            ),
            (
                "Load Balancer",
                ["LB"],
                "Spreads load across multiple downstream instances, exposes a single point of access "
                "(DNS) to your application, seamlessly handles failures of downstream instances, does "
                "regular health checks on your instances, can be used across AZs, and provides SSL "
                "termination (HTTP) for your websites.",
            ),
            ("High Availability", [], "Having your application across multiple AZs."),
            ("vertical scaling", [], "Increasing the size of the instance."),
            ("Horizontal scaling", [], "Increasing the number of instances."),
            ("Elasticity", [], "The ability to scale up and down based on the demand."),
            ("Agility", [], "The ability to work faster, to delete and make resources very fast."),
            (
                "ELB",
                ["Elastic Load Balancing"],
                "A managed load balancer: AWS guarantees it works and takes care of upgrades, maintenance"
                " and high availability, and provides a few configuration knobs; setting up your own is "
                "cheaper but not worth the effort. Four types: Application, Network, Gateway and Classic.",
            ),
            ("Application LB", [], "A load balancer for HTTP/HTTPS only, at layer 7."),
            (
                "Network LB",
                [],
                "A load balancer with ultra high performance that allows TCP, at layer 4; it can handle "
                "millions of requests per second.",
            ),
            ("Gateway LB", [], "A load balancer at layer 3."),
            ("Classic", ["Classic LB"], "A type of load balancer that is no longer used."),
            (
                "Auto Scaling groups",
                ["ASG"],
                "Implement elasticity for your application, across multiple AZs: scale EC2 instances "
                "based on the demand on your system and replace unhealthy ones; integrated with the ELB.",
            ),
        ],
        {},
    ),
    # tune9 (then heldout9): written from the notes alone, without running the import (REWRITE);
    # one entry per table row, the plural or other forms in its cell as aliases and the Type column's
    # part of speech in the definition; the learner's spellings and articles are kept
    "german_vocabulary_table": (
        [],
        [
            ("das Blatt", ["die Bläatter"], "Leaf."),
            ("das Brauchtum", [], "Customs."),
            ("das Eigentum", [], "Property."),
            ("das Ergebnis", [], "Result."),
            ("Das geht nicht", [], "That won't/doesn't work."),
            ("das Geschäaft", ["die Geschäfte"], "Store, shop."),
            ("das Gesetz", ["die Gesetze"], "Law (noun)."),
            ("das Handtuch", ["die Handtücher"], "Hand towel."),
            ("das Hochhaus", ["die Hochhäuser"], "High-rise building."),
            ("das Kindlein", [], "Child."),
            ("das Messer", [], "Knife."),
            ("das Prozess", ["die Prozesse"], "Processes (noun)."),
            ("das Schiff", ["die Schiffe"], "Ship (noun)."),
            ("das Sortiment", [], "Range."),
            ("das Studium", ["die Studien"], "Studies (noun)."),
            ("das Teuerste", [], "Costliest."),
            ("das Untergeschoss", [], "Basement floor."),
            ("Das weiß ich leider nicht", [], "Unfortunately, I don't know."),
            ("das Ziel", ["die Ziele"], "Goal (noun)."),
            ("dauern", [], "To last."),
            ("Dazu", [], "Along with it, besides this."),
            ("deliebt", [], "Popular."),
            ("den Boden", [], "The floor."),
            ("den ganzen Tag", [], "The entire day."),
            ("denken", [], "To think."),
            ("der Abbruch", ["die Abbrüche"], "Cancellation."),
            ("der Allee", [], "Wide street."),
            ("der Alwalt", ["die Anwältin", "die Anwältinnen"], "Lawyer."),
            ("der Anfänger", ["die Anfängerin"], "Beginner (noun)."),
            ("der Ausflug", ["die Ausflüge"], "Excursions."),
            ("der Ausgang", ["die Ausgänge"], "Exit."),
            ("der Bankengestelle", [], "Bank clerk."),
            ("der Bauer", ["die Bauern"], "Farmer."),
            ("der Berg", ["die Berge"], "Mountain."),
            ("der Bleistift", ["die Bleistifte"], "Pencil."),
        ],
        {},
    ),
    # tune9 (then heldout9): written from the notes alone, without running the import (REWRITE);
    # the table rows and the bold terms of the blockquote notes are entries; the flashcards' answers are
    # folded into the entries they answer (Left Ventricle, AV Node, SA Node)
    "heart_emoji_tables": (
        [],
        [
            (
                "Mediastinum",
                [],
                "The space between the lungs, behind the sternum and slightly to the left of the midline,"
                " where the heart is located.",
            ),
            (
                "Pericardium",
                [],
                "Double-walled sac surrounding the heart: the outermost layer of the heart wall.",
            ),
            (
                "Myocardium",
                [],
                "Muscular middle layer of the heart wall; does the pumping; it is thickest in the left "
                "ventricle.",
            ),
            (
                "Endocardium",
                [],
                "Smooth inner lining of the heart wall, in contact with blood; infections of it can "
                "affect the heart valves (infective endocarditis).",
            ),
            (
                "infective endocarditis",
                [],
                "Infection of the endocardium, which can affect the heart valves.",
            ),
            (
                "Right Atrium",
                ["RA"],
                "Chamber of the heart that receives deoxygenated blood (from the SVC and IVC).",
            ),
            ("Right Ventricle", ["RV"], "Chamber of the heart that pumps blood to the lungs (via the PA)."),
            ("Left Atrium", ["LA"], "Chamber of the heart that receives oxygenated blood (from the lungs)."),
            (
                "Left Ventricle",
                ["LV"],
                "Chamber of the heart that pumps oxygenated blood to the body, to the entire systemic "
                "circulation; it has the thickest wall (myocardium) due to higher pressure circulation.",
            ),
            ("Tricuspid", [], "Valve between the right atrium and ventricle; prevents backflow."),
            ("Bicuspid", ["Mitral"], "Valve between the left atrium and ventricle; prevents backflow."),
            (
                "Pulmonary Valve",
                [],
                "Valve from the right ventricle to the pulmonary artery; stops return into the RV.",
            ),
            ("Aortic Valve", [], "Valve from the left ventricle to the aorta; stops return into the LV."),
            (
                "chordae tendineae",
                [],
                "With the papillary muscles, keep the AV valves shut under pressure (prevent them from "
                "inverting).",
            ),
            (
                "papillary muscles",
                [],
                "With the chordae tendineae, keep the AV valves shut under pressure (prevent them from "
                "inverting).",
            ),
            (
                "SA Node",
                [],
                'The "pacemaker": initiates the heartbeat, sending the initial signal across the atrial '
                "muscle to the AV node.",
            ),
            (
                "AV Node",
                [],
                "Delays the impulse to allow time for ventricular filling; the only bridge for the signal"
                " between the atria and the ventricles.",
            ),
            ("Bundle of His", [], "Carries the signal through the interventricular septum."),
            ("Purkinje Fibers", [], "Distribute the signal to the ventricles (contraction)."),
            (
                "fibrous ring",
                [],
                "Electrically isolates the atria from the ventricles; only the AV node bridges the signal.",
            ),
            ("Superior Vena Cava", ["SVC"], "Returns deoxygenated blood to the RA."),
            ("Inferior Vena Cava", ["IVC"], "Returns deoxygenated blood to the RA, from the lower body."),
            ("Pulmonary Arteries", ["PA"], "Carry deoxygenated blood to the lungs."),
            ("Pulmonary Veins", [], "Bring oxygenated blood to the LA."),
            ("Aorta", [], "Main artery to the body."),
            ("Arteries", [], "Carry blood AWAY from the heart."),
            ("Veins", [], "RETURN blood to the heart."),
        ],
        {},
    ),
    # tune9 (then heldout9): written from the notes alone, without running the import (REWRITE);
    # the code-span terms and the headed elements are entries; Shape and the principles listed but never
    # defined (Color, Visual Hierarchy, Rhythm, Unity, ...) are left out
    "graphic_design_codespans": (
        [],
        [
            (
                "Line",
                [],
                "A formal element of design. Its basic functions include: define shapes, edges, forms; "
                "create images, letters, and patterns; delineate boundaries and define areas within a "
                "composition; assist in visually organizing a composition and creating a line of vision; "
                "it can establish a linear mode of expression, a linear style.",
            ),
            (
                "linear",
                [],
                "The style when line is the predominant element used to unify a composition or to "
                "describe shapes or forms in a design (or painting).",
            ),
            (
                "curvilinear shape",
                ["organic shape", "biomorphic shape"],
                "A shape formed by curves or dominating marked flowing edges, which seems to have a "
                "naturalistic feel; it may be drawn precisely or loosely.",
            ),
            (
                "abstract shape",
                [],
                "A simple or complex rearrangement, alteration, or distortion of the representation of "
                "natural appearance used for stylistic distinction and/or communication purposes.",
            ),
            (
                "representational shape",
                ["figurative shape"],
                "A shape that is recognizable and reminds the viewer of actual objects seen in nature.",
            ),
            (
                "Figure/Ground",
                ["positive space", "negative space"],
                "Figure (positive space) and ground (negative space): the figure or positive shape is a "
                "definite shape, immediately discernible as a shape.",
            ),
            (
                "Texture",
                [],
                "The tactile quality of a surface or the simulation or representation of such a surface "
                "quality; in the visual arts there are two categories of texture: tactile and visual.",
            ),
            (
                "Tactile textures",
                ["actual textures"],
                "Textures that have actual tactile quality and can be physically touched and felt.",
            ),
            (
                "Visual textures",
                [],
                "Illusions of real textures created by hand, scanned from actual textures, or photographed.",
            ),
            (
                "Pattern",
                [],
                "A consistent repetition of a single visual unit or element within a given area, with "
                "systematic repetition and obvious directional movement; its structures rely on three "
                "basic building blocks: dots, lines, and grids. Customized patterns give a brand "
                "personality and make it recognizable.",
            ),
            (
                "Format",
                [],
                "The defined perimeter as well as the field it encloses: the outer edges or boundaries of"
                " a design; the field or substrate (piece of paper, mobile phone screen, outdoor "
                "billboard, etc.) for the graphic design project; designers also use the term for the "
                "type of project (a poster, a CD cover, a mobile ad, ...).",
            ),
            (
                "Balance",
                [],
                "Stability or equilibrium created by an even distribution of visual weight on each side "
                "of a central axis as well as among all the elements of the composition; a balanced "
                "design tends toward harmony and communicates stability.",
            ),
            (
                "Visual Weight",
                [],
                "In two-dimensional design, weight is a visual force: the relative amount of visual "
                "attraction, importance, or emphasis an element carries in a composition; the size, "
                "shape, value, color, texture and position of a mark all contribute to it.",
            ),
            (
                "Symmetry",
                ["reflection symmetry"],
                "An equal distribution of visual weights, a mirroring of equivalent elements on either "
                "side of a central axis; it can communicate harmony and stability.",
            ),
            (
                "Asymmetry",
                [],
                "An equal distribution of visual weights achieved through weight and counterweight, "
                "balancing one element with the weight of a counterpointing element without mirroring "
                "elements on either side of a central axis.",
            ),
            (
                "Radial balance",
                [],
                "Symmetry achieved through a combination of horizontally and vertically oriented "
                "symmetry: elements radiate out from a point in the center of the composition.",
            ),
        ],
        {},
    ),
    # tune9 (then heldout9): written from the notes alone, without running the import (REWRITE);
    # one entry per numbered item; "Also known as" names become aliases and the qualifier in
    # Federal Mandates' bold goes into its definition
    "apgov_vocab_numbered_bold": (
        [],
        [
            (
                "Federalism",
                [],
                "A system of government in which power is divided between a central authority and "
                "constituent political units, such as states.",
            ),
            (
                "Fed 51",
                ["Federalist Paper No. 51"],
                "Federalist Paper No. 51, authored by James Madison, discussing the importance of checks "
                "and balances and the separation of powers.",
            ),
            (
                "Marbury v. Madison",
                [],
                "A landmark Supreme Court case that established the principle of judicial review, giving "
                "courts the authority to declare laws unconstitutional.",
            ),
            (
                "The Elastic/Necessary and Proper Clause",
                ["Elastic Clause", "Necessary and Proper Clause"],
                "Found in Article I, Section 8 of the U.S. Constitution, this clause grants Congress the "
                "authority to make laws deemed necessary and proper to carry out its enumerated powers.",
            ),
            (
                "Political Culture",
                [],
                "The shared beliefs, values, norms, and expectations about government and political "
                "behavior within a society.",
            ),
            (
                "Laissez-Faire",
                [],
                "An economic philosophy advocating for minimal government intervention in economic affairs.",
            ),
            (
                "Consent of the Governed",
                [],
                "The idea that government legitimacy arises from the agreement of the people being governed.",
            ),
            (
                "Limited Government",
                [],
                "The concept that government power should be restricted by laws and a constitution to "
                "protect individual rights.",
            ),
            (
                "New Jersey Plan",
                [],
                "A proposal at the Constitutional Convention for a unicameral legislature with equal "
                "representation for each state, benefiting smaller states.",
            ),
            (
                "Virginia Plan",
                [],
                "A proposal at the Constitutional Convention for a bicameral legislature with "
                "representation based on population, favoring larger states.",
            ),
            (
                "Connecticut Compromise",
                ["Great Compromise"],
                "Combined elements of the Virginia and New Jersey Plans, creating a bicameral legislature"
                " with proportional representation in the House and equal representation in the Senate.",
            ),
            (
                "⅗ Compromise",
                ["Three-Fifths Compromise"],
                "An agreement that counted each enslaved individual as three-fifths of a person for the "
                "purpose of determining a state's population and representation in the House of "
                "Representatives.",
            ),
            (
                "Writ of Habeas Corpus",
                [],
                "A legal order that requires a person under arrest to be brought before a judge or court,"
                " ensuring they are not held unlawfully.",
            ),
            (
                "Checks and Balances",
                [],
                "A system in which each branch of government has some measure of influence over the "
                "actions of other branches, preventing any one branch from gaining too much power.",
            ),
            (
                "Judicial Review",
                [],
                "The power of the courts to determine the constitutionality of laws and government actions.",
            ),
            (
                "McCulloch v. Maryland",
                [],
                "A Supreme Court case that established the principle of implied powers and upheld the "
                "constitutionality of the Bank of the United States.",
            ),
            (
                "Implied Powers",
                [],
                "Powers not explicitly stated in the Constitution but inferred from its language, "
                "allowing Congress to carry out its enumerated powers effectively.",
            ),
            ("Enumerated Powers", [], "Powers specifically granted to Congress by the U.S. Constitution."),
            (
                "Commerce Power",
                [],
                "The authority of Congress to regulate interstate and international trade.",
            ),
            (
                "Gibbons v. Ogden",
                [],
                "A Supreme Court case that expanded the interpretation of Congress's commerce power and "
                "affirmed federal authority over interstate commerce.",
            ),
            (
                "Full Faith and Credit",
                [],
                "A constitutional provision requiring states to recognize and respect the public acts, "
                "records, and judicial proceedings of other states.",
            ),
            (
                "Extradition",
                [],
                "The legal process by which a fugitive from one state is returned to that state for trial"
                " or punishment.",
            ),
            (
                "Dual Federalism",
                ["layer cake federalism"],
                "A concept that views federal and state governments as separate and distinct entities "
                "with defined spheres of authority.",
            ),
            (
                "Cooperative Federalism",
                ["marble cake federalism"],
                "A concept that involves intergovernmental cooperation and shared responsibilities "
                "between federal and state governments.",
            ),
            (
                "Devolution",
                [],
                "The transfer of certain powers and responsibilities from the federal government to state"
                " and local governments.",
            ),
            (
                "Fiscal Federalism",
                [],
                "The pattern of spending, taxing, and providing grants in the federal system.",
            ),
            (
                "Categorical Grants",
                [],
                "Federal grants that can be used only for specific purposes, usually with conditions and "
                "requirements attached.",
            ),
            (
                "Block Grants",
                [],
                "Federal grants that provide states with more flexibility in how funds are spent, as they"
                " are not tied to specific programs.",
            ),
            (
                "Federal Mandates",
                [],
                "Requirements imposed by the federal government on state and local governments (in "
                "relation to federalism), often with associated funding or penalties.",
            ),
            (
                "Project Grants",
                [],
                "Federal grants awarded based on competitive applications, typically to support specific "
                "projects or initiatives.",
            ),
            (
                "Formula Grants",
                [],
                "Federal grants distributed to states and localities based on predetermined formulas, "
                "often tied to demographic or economic factors.",
            ),
        ],
        {},
    ),
    # heldout10: written from the notes alone, without running the import (REWRITE); one entry per table
    # row, the English cell as the definition with its (informal)/(formal)/(m) markers kept
    "french_phrases_memrise_table": (
        [],
        [
            ("Attends, je parle", [], "Wait, I'm talking (informal)."),
            ("C'est pour ce soir", [], "It is for tonight."),
            ("C'est pour vous", [], "It is for you (formal)."),
            ("C'est quoi?", [], "What is it?"),
            ("C'est très gentil", [], "It is very nice."),
            ("C'est très important", [], "It's very important."),
            ("Ce n’est pas comme ça", [], "It is not like that."),
            ("Ce n’est pas moi", [], "It is not me."),
            ("Comment as-tu passé {...} ?", [], "How have you spent {...} ? (informal)."),
            ("C’est combien?", [], "How much is it?"),
            ("Depuis quand?", [], "Since when?"),
            ("Dois-je changer?", [], "Do I have to change?"),
            ("Il est parti hier", [], "He left yesterday."),
            ("Il est prêt", [], "He is ready."),
            ("Il ne peut pas commencer", [], "He can not start."),
            ("Il peut s'occuper", [], "He can handle/ take care of/ arrange."),
            ("Il va dormir", [], "He is going to sleep."),
            ("Il veut y aller", [], "He wants to go there."),
            ("J'ai déjà dit que", [], "I have already said that."),
            ("Je pars ce soir", [], "I'm leaving tonight."),
            ("Je peux aller là", [], "I can go there."),
            ("Je peux la voir?", [], "Can I see it (her)?"),
            ("Je serai à", [], "I will be at."),
            ("Je suis arrivé", [], "I have arrived (m)."),
            ("Je suis avec toi", [], "I am with you (informal)."),
            ("Je suis près de", [], "I am close to."),
            ("Je te propose pour boire", [], "I propose to you to drink (informal)."),
            ("Je te souhaite", [], "I wish you (informal)."),
            ("Je te tiens au courant", [], "I'll let you know (informal)."),
            ("Je vais être en retard", [], "I'll be late."),
            ("Je veux te dire que", [], "I want to tell you that (informal)."),
            ("J’attends mes amis", [], "I am waiting for my friends."),
            ("Nous bougeons vers", [], "We move towards."),
            ("Nous parlerons plus tard", [], "We will speak later."),
            ("Où on se retrouve?", [], "Where do we meet?"),
            ("Où veux-tu dîner", [], "Where do you want to have dinner? (informal)."),
            ("Pas du tout", [], "Not at all."),
            ("Pas pour moi", [], "Not for me."),
            ("Pourquoi pas?", [], "Why not?"),
            ("Puis-je faire ça?", [], "Can I do that?"),
            ("Qu'est ce qui se passe", [], "What happens?"),
            ("Que veux-tu ?", [], "What do you want? (informal)."),
            ("Tu connais le poulet?", [], "You know chicken?"),
            ("Tu dois m'écouter", [], "You must listen to me (informal)."),
            ("Tu vas y aller", [], "You are going to go there (informal)."),
        ],
        {},
    ),
    # heldout10: written from the notes alone, without running the import (REWRITE); the Definition
    # items, the Notation on lists and three named results are entries (the LaTeX written as plain
    # text); "Span is the smallest containing subspace" is folded into span; the other results, stated
    # as sentences, are no entries
    "linear_algebra_definitions_latex": (
        [],
        [
            (
                "list of vectors",
                [],
                "Notation: lists of vectors are usually written without surrounding parentheses.",
            ),
            (
                "linear combination",
                [],
                "A linear combination of a list v_1, ..., v_m of vectors in V is a vector of the form a_1v_1 "
                "+ ... + a_mv_m, where a_1, ..., a_m ∈ F.",
            ),
            (
                "span",
                [],
                "The set of all linear combinations of a list of vectors v_1, ..., v_m in V, denoted "
                "span(v_1, ..., v_m); the span of the empty list () is defined to be {0}. The span of a list "
                "of vectors in V is the smallest subspace of V containing all the vectors in the list.",
            ),
            ("spanning list", [], "If span(v_1, ..., v_m) equals V, we say that v_1, ..., v_m spans V."),
            (
                "finite-dimensional vector space",
                [],
                "A vector space is called finite-dimensional if some list of vectors in it spans the space.",
            ),
            (
                "polynomial",
                ["P(F)"],
                "A function p: F → F is called a polynomial with coefficients in F if there exist a_0, ..., "
                "a_m ∈ F such that p(z) = a_0 + a_1z + ... + a_mz^m for all z ∈ F. P(F) is the set of all "
                "polynomials with coefficients in F.",
            ),
            (
                "degree of a polynomial",
                ["deg p"],
                "A polynomial p ∈ P(F) has degree m if there exist scalars a_0, ..., a_m ∈ F with a_m ≠ 0 "
                "such that p(z) = a_0 + a_1z + ... + a_mz^m for all z ∈ F; we write deg p = m. The "
                "polynomial that is identically 0 has degree -∞.",
            ),
            (
                "P_m(F)",
                [],
                "For m a nonnegative integer, the set of all polynomials with coefficients in F and degree "
                "at most m.",
            ),
            (
                "infinite-dimensional vector space",
                [],
                "A vector space is called infinite-dimensional if it is not finite-dimensional.",
            ),
            (
                "linear independent",
                ["linearly independent"],
                "A list v_1, ..., v_m of vectors in V is linearly independent if the only choice of a_1, "
                "..., a_m ∈ F that makes a_1v_1 + ... + a_mv_m equal 0 is a_1 = ... = a_m = 0. The empty "
                "list () is also declared to be linearly independent.",
            ),
            (
                "linearly dependent",
                [],
                "A list of vectors in V is linearly dependent if it is not linearly independent: there exist "
                "a_1, ..., a_m ∈ F, not all 0, such that a_1v_1 + ... + a_mv_m = 0.",
            ),
            (
                "Linear Dependence Lemma",
                [],
                "If v_1, ..., v_m is a linearly dependent list in V, there is j ∈ {1, 2, ..., m} such that "
                "(a) v_j ∈ span(v_1, ..., v_{j-1}) and (b) if the j-th term is removed from v_1, ..., v_m, "
                "the span of the remaining list equals span(v_1, ..., v_m).",
            ),
            (
                "basis",
                [],
                "A basis of V is a list of vectors in V that is linearly independent and spans V.",
            ),
            (
                "Criterion for basis",
                [],
                "A list v_1, ..., v_n of vectors in V is a basis of V if and only if every v ∈ V can be "
                "written uniquely in the form v = a_1v_1 + ... + a_nv_n, where a_1, ..., a_n ∈ F.",
            ),
            (
                "dimension",
                ["dim V"],
                "The dimension of a finite-dimensional vector space is the length of any basis of the vector "
                "space; the dimension of V is denoted dim V.",
            ),
            (
                "Dimension of a sum",
                [],
                "If U_1 and U_2 are subspaces of a finite-dimensional vector space, then dim(U_1 + U_2) = "
                "dim U_1 + dim U_2 - dim(U_1 ∩ U_2).",
            ),
        ],
        {},
    ),
    # heldout10: written from the notes alone, without running the import (REWRITE); one entry per card
    # front, the two names of `Element/Pure Substance` as aliases; the practice question card
    # (Physical or chemical: Gold melts at 1064°C.) and the tool's headings are no entries; the student's
    # spellings of the fronts are kept
    "chemistry_anki_source_cards": (
        [],
        [
            (
                "Element/Pure Substance",
                ["Element", "Pure Substance"],
                "A pure substance that cannot be separated into simpler substances by chemical or physical "
                "methods.",
            ),
            (
                "Compound",
                [],
                "A pure substance containing two or more different elements that cannot be separated by "
                "physical methods.",
            ),
            ("Diatomic Molecule", [], "Br, I, N, Cl, H, O, F."),
            (
                "Chemical Equation",
                [],
                "Substances involved in a chemical reaction, including information about the phases of each "
                "substance.",
            ),
            (
                "Filtration",
                [],
                "A process that separates solids and fluids in a mixture using a filter medium that has a "
                "structure through which only the fluid can pass.",
            ),
            (
                "Chemical Reaction",
                [],
                "The transformation of one or more substances into different substances.",
            ),
            ("Mixture", [], "Composed of two or more substances that retain their own chemical identities."),
            (
                "Homogeneous Mixure",
                [],
                "A mixture in which the components are distributed uniformly throughout.",
            ),
            ("Heterogeneous Mixure", [], "A mixture whose components are not distributed uniformly."),
            (
                "Law of Constant Composition",
                [],
                "All samples of a compound contain the same elements combined in the same proportions.",
            ),
            (
                "Intensive Properties",
                [],
                "Properties that characterize matter independent of the quantity of it present.",
            ),
            ("Extensive Properties", [], "Properties that depend on how much substance is present."),
            (
                "Physical Properties",
                [],
                "Properties that can be observed or measured without changing the substance into another "
                "substance.",
            ),
            (
                "Chemical Properties",
                [],
                "Properties that can only be determined by reacting one substance with another.",
            ),
            (
                "Scientific Method",
                [],
                "Approach to acquiring knowledge based on observation of phenomena, development of a "
                "testable hypothesis, and additional experiments that test the validity of the hypothesis.",
            ),
            (
                "JJ Thompson's Contribution",
                [],
                "Used a cathode ray tube to discover the electron: particles emitted from the CRT exhibited "
                "a charge and were affected by magnetic fields, and he concluded that these particles are "
                "electrons.",
            ),
            (
                "Robert Millikan's Contribution",
                [],
                "Used x-ray and oil drops to determine the charge of particles.",
            ),
        ],
        {},
    ),
    # heldout10: written from the notes alone, without running the import (REWRITE); a heading's rule
    # paragraph is its entry's definition; the two `Term:` lines under `Conditions precedent and
    # subsequent` and under `Definitions` are entries and those headings none; the HTML h2 headings are
    # entries; the Statute of Frauds' categories are folded into it (Suretyship and One year, which read
    # as terms, also kept as entries); the second `Modification:` paragraph joins Modification
    "contracts_bar_outline": (
        [],
        [
            (
                "Charitable Donations",
                [],
                "A promise to make a gift is generally not an enforceable contract (no consideration), but a "
                "promise of a charitable donation may be enforceable under promissory estoppel; charitable "
                "subscriptions promised in writing are enforceable even if the elements of reliance are not "
                "shown. If it's not in writing, it's not binding.",
            ),
            (
                "Condition precedent",
                [],
                "The plaintiff must prove an event did occur and so the defendant must perform.",
            ),
            (
                "Condition subsequent",
                [],
                "The defendant must prove an event did occur and so their performance was excused.",
            ),
            (
                "Consideration",
                [],
                "An essential element of a contract: a benefit on one side, or a detriment suffered, or "
                "service done on the other. Courts do not generally inquire into its sufficiency; a cent or "
                "a pepper corn would constitute valid consideration.",
            ),
            (
                "Death",
                [],
                "An offer terminates upon the death or mental incapacity of the offeror, even if the offeree "
                "does not learn of it before dispatching an acceptance; an option does not terminate upon "
                "death, because consideration was paid to keep the offer open.",
            ),
            (
                "Course-of-performance",
                [],
                "A sequence of conduct relevant to understanding an agreement between the parties if the "
                "agreement involves repeated occasions for performance and the other party accepts "
                "performance with knowledge and without objection.",
            ),
            ("Course-of-dealing", [], "Conduct between parties based on another contractual relationship."),
            (
                "Expiration of offer",
                [],
                "An offer comes to an end at the expiration of the time given for its acceptance; an offeree "
                "cannot accept an offer that has lapsed, and the offeror cannot waive the lapse by "
                "disregarding it.",
            ),
            (
                "Firm Offers",
                [],
                "Open a reasonable amount of time unless until a date certain; must be from a merchant and "
                "signed; irrevocable.",
            ),
            (
                "Lack of contract term",
                [],
                "A contract requires a meeting of the minds on all the essential terms, but it will not fail "
                "for indefiniteness when the promises and performances are set forth with reasonable "
                "certainty: so long as the essentials are defined by the parties, the law supplies the "
                "missing details.",
            ),
            (
                "Material Benefit Rule",
                [],
                "When a party performs an unrequested service that constitutes a material benefit to "
                "another, it can enforce a promise of payment made by the party who benefits; not when the "
                "service was rendered without expectation of compensation (as a gift).",
            ),
            (
                "Mitigation",
                [],
                "Whoever suffers a tort, breach of contract or other legal wrong must use reasonable means "
                "to avoid or minimize the damages.",
            ),
            (
                "Non-compete agreements",
                [],
                "Valid and enforceable in Michigan so long as they are reasonable in duration and "
                "geographical area; time periods as long as three years and radiuses of up to 25 miles have "
                "been upheld.",
            ),
            (
                "Parole evidence rule",
                [],
                "Exceptions: parol evidence may be admitted to prove a condition precedent to the existence "
                "of the contract.",
            ),
            (
                "Modification",
                [],
                "Under the common law, consideration is necessary to modify a contract, under the UCC only "
                "good faith. A party who benefits from a condition can generally orally waive it without new "
                "consideration; in an installment contract the waiver can be retracted via adequate notice "
                "unless that would be unjust after the other party's material change of position in reliance "
                "on it.",
            ),
            (
                "Mailbox rule",
                [],
                "When an acceptance is sent before a rejection, the mailbox rule applies; when a rejection "
                "is sent first and then an acceptance, it does not, and the first to be received by the "
                "offeror controls.",
            ),
            (
                "Quasi-contract",
                [],
                "The equitable doctrine of restitution: paying back for unjust enrichment. Someone who did "
                "not actually benefit (the subject matter was destroyed) will not recover.",
            ),
            (
                "Statute of Frauds",
                [],
                "Covers marriage (a contract made upon consideration of marriage), suretyship (a contract to "
                "answer for the debt or duty of another), one year (contracts that cannot be performed in "
                "one year must be in writing), the UCC's $500 (MI: $1000) for the sale of goods only, and "
                "real property (a contract for the sale of an interest in real property).",
            ),
            ("Suretyship", [], "A contract to answer for the debt or duty of another."),
            (
                "One year",
                [],
                "Contracts that cannot be performed in one year because of the terms of the agreement must "
                "be in writing; the year starts the day after the contract is made; full performance by "
                "either party generally takes the contract out of the statute of frauds.",
            ),
            (
                "Third-Party Beneficiaries",
                [],
                "Vesting of rights for intended beneficiaries: several ways, but basically detrimental "
                "reliance.",
            ),
            (
                "Loans and acceleration clauses",
                [],
                "A debtor in default can only be sued for the amount due so far if there is an acceleration "
                "clause; otherwise it would be the amount due and outstanding.",
            ),
            (
                "Destruction",
                [],
                "An offer involving something that is destroyed is terminated even without notice.",
            ),
            (
                "Settlements",
                [],
                "A settlement is only a valid contract if someone is giving up a legal right not to sue; if "
                "the claim was entirely without merit, the settlement offer can be rescinded.",
            ),
            (
                "Installment contracts",
                [],
                "Substantial performance generally suffices under the UCC: the buyer can reject a "
                "nonconforming tender of one segment only if it substantially impairs the value of that "
                "shipment and cannot be cured; if the seller makes adequate assurances, the buyer must "
                "accept.",
            ),
            (
                "Objecting",
                [],
                "If both parties are merchants and a memo sufficient against one party is sent to the other, "
                "who has reason to know its contents and does not object in writing within 10 days, the "
                "contract is enforceable against the receiving party even though he has not signed it.",
            ),
        ],
        {},
    ),
    # heldout10: written from the notes alone, without running the import (REWRITE); the list's names
    # (Inductor, Capacitor) are aliases of the sections headed Inductance and Capacitance, formulas and
    # units folded into their element; resistivity and permittivity, named only as symbols, are entries
    # defined by their formula; the MOSFET's modes and the regulators' part numbers are entries
    "electronics_circuit_elements": (
        [],
        [
            (
                "Resistor",
                [],
                "Property of material to oppose the flow of electrons through the material. R = ρl/A (ρ "
                "resistivity, l length of the conductor, A area of cross section); V = IR (ohms law); power "
                "P = VI = I²R; energy lost as heat E = I²Rt joules. A linear device; before using a resistor "
                "know its actual resistance, power rating, tolerance and thermal coefficient.",
            ),
            (
                "Resistivity",
                [],
                "ρ in R = ρl/A, the resistance of a conductor of length l and cross section A.",
            ),
            ("ohms law", [], "V = IR."),
            (
                "Inductance",
                ["Inductor"],
                "Property of material which opposes any change of magnitude or direction of the current "
                "passing through the conductor; the energy stored in the inductor is in the form of a "
                "magnetic field; unit is henry. V = L di/dt; P = Li di/dt watts; energy stored E = ½Li² "
                "joules; voltage leads current by 90° in the phasor diagram.",
            ),
            ("Inductive Reactance", ["X_L"], "X_L = 2πfL."),
            (
                "Capacitance",
                ["Capacitor"],
                "Capability of an element to store electric charge within it; unit is farad. I = C dV_c/dt "
                "amperes; P = VC dV_c/dt watts; energy E = ½CV² joules; C = εA/d (ε permittivity, d distance "
                "between plates, A area of plates); C = Q/V (Q charge); current leads voltage by 90° in the "
                "phasor diagram.",
            ),
            ("Capacitive reactance", ["X_C"], "X_C = 1/(2πfC) Ω."),
            ("permittivity", [], "ε in C = εA/d, the capacitance of plates of area A at distance d."),
            (
                "MOSFET",
                ["Metal Oxide Semiconductor Field Effect Transistor"],
                "Metal Oxide Semiconductor Field Effect Transistor; enhancement mode (off at zero "
                "gate-source voltage) or depletion mode (on at zero gate-source voltage).",
            ),
            ("Enhancement Mode", [], "A MOSFET mode: off at zero gate-source voltage."),
            ("Deplition Mode", [], "A MOSFET mode: on at zero gate-source voltage."),
            (
                "Voltage regulators",
                [],
                "A 78xx regulator converts 6-35V to a constant voltage, xx being the output voltage (LM78 is "
                "the regulator series); a capacitor connected in parallel at the output avoids fluctuation.",
            ),
            (
                "LM7805",
                [],
                "A voltage regulator that converts 6-35V to a constant 5V, 0.5A (L7805: 5V, 1A; L78S05: 5V, "
                "2A).",
            ),
            ("7905", [], "A voltage regulator that produces negative 5 volts."),
            (
                "Buck Converter",
                ["DC-DC step down converter"],
                "A DC-DC step down converter: as a transformer reduces AC voltage, a buck converter reduces "
                "DC voltage (used to reduce the current).",
            ),
        ],
        {},
    ),
}

#: Aliases the import took from a qualifier in parentheses ("Catch (exception)") that name other things.
WRONG_ALIASES: dict[str, dict[str, list[str]]] = {
    "r_glossary_deflist": {"Catch": ["exception"], "Handle": ["a condition"]},
    "rust_dictionary": {"Trait contents": ["types"]},
    "statistics_glossary_bold": {"Addition rule": ["for mutually exclusive events"]},
    "music_tech_glossary": {"Audio mixer": ["or mixer"]},
}

#: Notes whose import a student would throw away and write again from the notes (the import finds no
#: terms, or makes entries of a table's row labels), and held-out notes written without looking at their
#: import: the title of the one topic written by hand. Their entries are all in ``EDITS``' additions; the
#: import is not used.
REWRITE: dict[str, str] = {
    "nursing_drug_classes": "Drug Classes Quick Reference",
    "music_glossary_html": "Glossary of Musical Terms",
    "geography_key_words": "Geography",
    "world_history_revision": "World Politics & History",
    "spanish_vocabulary_headings": "Spanish Vocabulary",
    "physics_definitions_tables": "Quik Fezixs Noats",
    "ethics_outline_nested": "Ethics",
    "macroeconomics_shorthand": "Macroeconomics basics",
    "sociology_markmap_revision": "Sociology",
    "marketing_lecture_stp": "Market Segmentation, Targeting, and Positioning",
    "earth_science_final_summary": "Final Summary Notes",
    "anatomy_outline_glosses": "anatomy",
    "ecology_study_guide": "Fall Final Study Guide",
    "astronomy_callouts_vault": "Space",
    "literary_devices_headings": "literary-devices",
    "accounting_glossary_numbered": "glossary",
    "ml_terminology_inline_bold": "Terminology",
    "music_theory_anki_cards": "Music theory",
    "geology_rocks_vault": "Rocks",
    "linguistics_pillars_vault": "Linguistics",
    "aws_cloud_student_bullets": "AWS Cloud Practitioner Notes",
    "german_vocabulary_table": "Wörterbuch",
    "heart_emoji_tables": "Cardiovascular System",
    "graphic_design_codespans": "Graphic Design: Formal Elements & Principles of Design",
    "apgov_vocab_numbered_bold": "AP Government Unit 1 Vocab: Master List",
    "french_phrases_memrise_table": "Simple",
    "linear_algebra_definitions_latex": "Finite-Dimensional Vector Spaces",
    "chemistry_anki_source_cards": "UChem CH1150",
    "contracts_bar_outline": "Contracts",
    "electronics_circuit_elements": "Electronics",
}

#: Definitions written again from the notes where the import took a question, a qualifier or a stray
#: line as the definition: file -> term -> definition.
DEFINITIONS: dict[str, dict[str, str]] = {
    "rust_dictionary": {
        "Paths": "Ways to name an item: absolute within this crate (crate::S::N), "
        "imported (use crate::S::{...}), via re-export, from an external "
        "crate (use external_crate::m::Item) or relative (self::m::Item, "
        "super::m::Item)."
    },
    "sdd_flashcards_qa": {
        "Commercial": "A software licence covered by copyright: you may make only 1 "
        "copy, to be used as a backup (destroyed if you lose rights "
        "to the software); you may not modify the software, reverse "
        "engineer / decompile it, or use it as part of another "
        "project.",
        "Open Source": "A software licence covered by copyright under which you may "
        "copy the software, modify it, reverse engineer / decompile "
        "it and use it as part of another project.",
        "Shareware": "A software licence covered by copyright under which you may "
        "copy the software, but not modify it, reverse engineer / "
        "decompile it or use it as part of another project.",
        "Freeware": "A software licence covered by copyright under which you may "
        "copy the software, but not modify it, reverse engineer / "
        "decompile it or use it as part of another project.",
        "Public Domain": "Software not covered by copyright: you may copy it, "
        "modify it, reverse engineer / decompile it and use it as "
        "part of another project.",
    },
}

#: Details the import placed under the wrong entry (questions, empty prompts, the next section's
#: lines): file -> term -> the details to drop, by their first words ("*" drops them all).
DROP_DETAILS: dict[str, dict[str, list[str]]] = {
    "biology_immune_system": {
        "Immunity": ["*"],
        "Antibody": ["*"],
        "Cilia": ["*"],
        "Beneficial bacteria": ["*"],
        "Inflammation": ["*"],
        "Immunisation": ["*"],
        "Memory B Cells": ["*"],
        "Memory T cells": ["*"],
    },
    "sdd_flashcards_qa": {
        "Commercial": ["*"],
        "Open Source": ["*"],
        "Shareware": ["*"],
        "Freeware": ["*"],
        "Public Domain": ["*"],
    },
}

#: Details a student adds to an entry from the notes (a drug's uses, side effects and antidote rows):
#: file -> term -> details.
ADD_DETAILS: dict[str, dict[str, list[str]]] = {
    "nursing_drug_classes": {
        "ACE Inhibitors": [
            "Uses: Hypertension, heart failure, post-MI, diabetic nephropathy",
            "Side effects: Dry cough (most common), hyperkalemia, angioedema, hypotension",
            "Nursing: Monitor K+, BP; Hold if SBP <100; No salt substitutes; Take 1hr before meals",
        ],
        "ARBs": [
            "Uses: Hypertension, heart failure (if ACE not tolerated)",
            "Side effects: Hyperkalemia, hypotension, angioedema (rare), dizziness",
            "Nursing: Same as ACE inhibitors but NO COUGH; Monitor K+",
        ],
        "Beta Blockers": [
            "Uses: Hypertension, angina, MI, heart failure, arrhythmias",
            "Side effects: Bradycardia, hypotension, fatigue, bronchospasm, mask hypoglycemia",
            "Nursing: Check HR before giving (hold if <60); Never stop abruptly; Caution in asthma/diabetes",
        ],
        "Calcium Channel Blockers": [
            "Uses: Hypertension, angina, arrhythmias",
            "Side effects: Hypotension, peripheral edema, constipation (verapamil), bradycardia",
            "Nursing: Monitor BP & HR; Avoid grapefruit juice; Take with food",
        ],
        "Loop diuretics": [
            "Uses: Heart failure, pulmonary edema, hypertension, renal failure",
            "Side effects: Hypokalemia, hypotension, ototoxicity, dehydration",
            "Nursing: Monitor K+, I&O, daily weight; Give in AM; K+ supplementation needed",
        ],
        "Thiazide diuretics": [
            "Uses: Hypertension, mild heart failure",
            "Side effects: Hypokalemia, hyperglycemia, hypercalcemia, hyperuricemia",
            "Nursing: Monitor K+, glucose, uric acid; Give in AM; Less potent than loop",
        ],
        "Potassium-sparing diuretics": [
            "Uses: Heart failure, hypertension (with other diuretics)",
            "Side effects: HYPERKALEMIA, gynecomastia, irregular menses",
            "Nursing: Monitor K+ closely; NO K+ supplements; NO salt substitutes",
        ],
        "Digoxin": [
            "Uses: Heart failure, atrial fibrillation",
            "Side effects: Bradycardia, arrhythmias, toxicity (N/V, yellow-green halos, confusion)",
            "Nursing: Check apical pulse 60 sec (hold if <60); "
            "Therapeutic: 0.5-2.0 ng/mL; Hypokalemia increases toxicity",
        ],
        "Nitrates": [
            "Uses: Angina, heart failure, MI",
            "Side effects: Headache, hypotension, tachycardia, tolerance",
            "Nursing: SL: up to 3 doses 5 min apart; Patch: rotate sites, remove at night; Monitor BP",
        ],
        "Warfarin": [
            "Uses: DVT, PE, A-fib, artificial heart valves",
            "Monitoring: PT/INR; Therapeutic INR 2-3 (mechanical valve 2.5-3.5)",
            "Antidote: Vitamin K (phytonadione)",
            "Nursing: Avoid vitamin K foods (greens); Bleeding precautions; Many drug interactions",
        ],
        "Heparin": [
            "Uses: DVT, PE, MI, DIC (IV); DVT prophylaxis (SubQ)",
            "Monitoring: aPTT (1.5-2x normal)",
            "Antidote: Protamine sulfate",
            "Nursing: SubQ in abdomen; Don't aspirate or massage; Monitor platelets (HIT risk)",
        ],
        "Enoxaparin": [
            "Uses: DVT prophylaxis, DVT/PE treatment",
            "Monitoring: No aPTT needed",
            "Antidote: Protamine sulfate (partial)",
            "Nursing: SubQ in abdomen; Don't expel air bubble; Rotate sites",
        ],
        "Aspirin": [
            "Uses: MI prevention, stroke prevention, post-CABG",
            "Side effects: GI bleeding, tinnitus (toxicity)",
            "Nursing: Take with food; Bleeding precautions; Stop 7 days before surgery",
        ],
        "Clopidogrel": [
            "Uses: MI, stroke, stent placement",
            "Side effects: Bleeding, TTP (rare)",
            "Nursing: More potent than aspirin; Often given with aspirin (dual therapy)",
        ],
        "Short-acting beta2 agonists": [
            "Uses: Acute asthma, bronchospasm, COPD exacerbation",
            "Side effects: Tachycardia, tremor, nervousness, hypokalemia",
            "Nursing: Rescue inhaler; Use BEFORE other inhalers; Rinse mouth after",
        ],
        "Long-acting beta2 agonists": [
            "Uses: Maintenance asthma/COPD (NOT acute)",
            "Side effects: Same as SABA but less intense",
            "Nursing: NEVER for acute attack; Always with corticosteroid; BID dosing",
        ],
        "Inhaled corticosteroids": [
            "Uses: Maintenance asthma/COPD",
            "Side effects: Thrush, hoarseness, oral candidiasis",
            "Nursing: Use AFTER bronchodilator; RINSE MOUTH after use; Takes 2-3 weeks for effect",
        ],
        "Anticholinergics": [
            "Uses: COPD (first-line), asthma",
            "Side effects: Dry mouth, urinary retention",
            "Nursing: Slower onset than albuterol; Can combine with albuterol (DuoNeb)",
        ],
    },
    "sdd_flashcards_qa": {"Agile": ["Short development stages called sprints"]},
    "world_history_revision": {
        "French Revolution": [
            "Date: 14 July 1789 (Fall of Bastille)",
            "Slogan: Liberty, Equality, Fraternity",
            "Child of Revolution: Napoleon Bonaparte",
            "Result: Rise of Capitalism",
        ],
        "Russian Revolution": ["Leader: Vladimir Lenin", "Result: Rise of Socialism / End of Tsarist Rule"],
        "WWI": [
            "US President: Woodrow Wilson (14 Points)",
            "Ended with: Treaty of Versailles (1919)",
            "Fall of Empires: Ottoman, Austro-Hungarian, Russian, German",
        ],
        "WWII": [
            "Started: 1 Sept 1939 (Germany invaded Poland)",
            "Ended: 2 Sept 1945 (Japan surrendered)",
            "US President: FDR (start), Harry Truman (end - ordered nuke)",
        ],
    },
    "spanish_vocabulary_headings": {
        "La Paciencia": ["Patience is key to overcoming any difficulty"],
        "La Integridad": ["(old-fashioned) (= virginidad) virginity"],
        "Encontrar": ['Intuition: it means something like "discover"'],
    },
    "physics_definitions_tables": {
        "Kinetic Theory of Gases": [
            "Assumptions of the kinetic model of an ideal gas: gas molecules are constantly moving; they "
            "have negligible volume; negligible intermolecular forces; they undergo elastic collisions; "
            "the mass of a molecule is negligibly small; monatomic particles"
        ],
        "Ideal Gas": ["An ideal gas has no potential energy"],
    },
    "ethics_outline_nested": {
        "Egoism": [
            "Problems: how would society work if everyone were ethical egoists? "
            "Sometimes you don't know the best interest"
        ],
        "Utilitarianism": [
            'Differs from consequentialism in its view of what is "good": happiness',
            "Arguments against: it is more concerned with happiness than with humans; it mixes up what "
            "other people may do with themselves and what you may do with you; you can't see the "
            "consequences in the future",
        ],
        "Deontology": ["3 kinds: divine command theory, social contract, kantianism"],
    },
    "macroeconomics_shorthand": {
        "Expansionary monetary policy": [
            "Achieved by increasing the money supply (quantitative easing) or lowering interest rates",
            "Traditionally used to combat unemployment",
            "May reduce the exchange rate: when interest rates fall, saving in the country is less "
            "attractive for overseas investors",
        ],
    },
    "marketing_lecture_stp": {
        "Repositioning": [
            "Why reposition: reacting to competition, reaching new markets, catching a rising trend, "
            "changing the value added (trading down or trading up)",
            "Challenges: high advertising costs to change ingrained customer beliefs, customer confusion "
            "about the brand image",
        ],
    },
}

#: Examples a student adds to an entry from the notes (a drug class's prototypes): file -> term -> names.
ADD_EXAMPLES: dict[str, dict[str, list[str]]] = {
    "literary_devices_headings": {
        "Alliteration": ["Kids keep coming into the cave."],
        "Allusion": ["The place is like a Garden of Eden.", "She stood there like a Valkyrie."],
        "Assonance": ["The sat on her flat hat."],
        "Contrast": ['"It was the best of times, it was the worst of times ..." (A Tale of Two Cities)'],
        "End rhyme": ['"Whose woods these are I think I know. This house is in the village, though"'],
        "Exaggeration": ["I told you to clean your room a hundred times"],
        "Metaphor": ["My love is a rose.", "My life has been an eventful journey."],
        "Onomatopoeia": ["Bank", "Beep", "Rattle", "Crack"],
        "Oxymoron": ["An open secret", "Clearly confused", "Walking dead"],
        "Parallel construction": [
            "The rich are getting richer, the poor are getting poorer",
            "I have nothing to offer but blood, toil, tears and sweat.",
        ],
        "Personification": ["My cell phone laughs at me"],
        "Repetition": ['"I have a dream"', '"Yes, we can"'],
        "Rhythm": ["Iambic pentameter in sonnets"],
        "Simile": ["My love is like a red, red rose."],
        "Slogan": ["Just do it! (Nike)", "Make America great again!"],
        "Symbol": ["A crossroads can be a symbol of choice."],
        "Understatement": ['"It rained a bit more than usual yesterday" (after heavy flooding)'],
    },
    "nursing_drug_classes": {
        "ACE Inhibitors": ["Lisinopril", "Enalapril", "Captopril"],
        "ARBs": ["Losartan", "Valsartan", "Irbesartan"],
        "Beta Blockers": ["Metoprolol", "Atenolol", "Propranolol", "Carvedilol"],
        "Calcium Channel Blockers": ["Amlodipine", "Diltiazem", "Verapamil"],
        "Loop diuretics": ["Furosemide", "Lasix", "Bumetanide"],
        "Thiazide diuretics": ["Hydrochlorothiazide", "HCTZ", "Chlorothiazide"],
        "Potassium-sparing diuretics": ["Spironolactone", "Aldactone", "Triamterene"],
        "Nitrates": ["Nitroglycerin", "Isosorbide"],
        "Short-acting beta2 agonists": ["Albuterol", "ProAir", "Ventolin", "Levalbuterol"],
        "Long-acting beta2 agonists": ["Salmeterol", "Serevent", "Formoterol"],
        "Inhaled corticosteroids": ["Fluticasone", "Flovent", "Budesonide"],
        "Anticholinergics": ["Ipratropium", "Atrovent", "Tiotropium", "Spiriva"],
    },
}


def corrected(name: str) -> str:
    """The hand-corrected knowledge file of corpus file ``name`` as YAML text."""
    spec = yaml.safe_load((ROOT / "tests" / "corpus" / f"{name}.yaml").read_text(encoding="utf-8"))
    data: dict[str, Any]
    if name in REWRITE:
        data = {"topic": {"title": REWRITE[name], "source": spec["notes"]}, "entries": []}
    else:
        data = yaml.safe_load(import_file(ROOT / "tests" / "corpus" / spec["notes"]).text)
    delete, add, aliases = EDITS[name]
    # an import of grouped notes has a list of entries per topic ("topics:"); the edits apply to all
    lists = ([data["entries"]] if "entries" in data else []) + [t["entries"] for t in data.get("topics", [])]
    for each in lists:
        each[:] = [e for e in each if e["term"] not in delete]
    entries = [e for each in lists for e in each]
    # (a term listed here that the import no longer makes is simply not there to delete)
    taken = {n.casefold() for e in entries for n in [e["term"], *e.get("aliases", [])]}
    for entry in entries:
        for alias in aliases.get(entry["term"], []):
            if alias.casefold() not in taken:
                entry.setdefault("aliases", []).append(alias)
                taken.add(alias.casefold())
        wrong = WRONG_ALIASES.get(name, {}).get(entry["term"], [])
        if wrong:
            entry["aliases"] = [a for a in entry.get("aliases", []) if a not in wrong]
            if not entry["aliases"]:
                del entry["aliases"]
        if entry["term"] in DEFINITIONS.get(name, {}):
            entry["definition"] = DEFINITIONS[name][entry["term"]]
        drop = DROP_DETAILS.get(name, {}).get(entry["term"], [])
        if drop and entry.get("details"):
            entry["details"] = [
                d for d in entry["details"] if "*" not in drop and not any(d.startswith(w) for w in drop)
            ]
            if not entry["details"]:
                del entry["details"]
    for term, names, definition in add:
        have = [e for e in entries for n in [term, *names] if n.casefold() in {e["term"].casefold()}]
        if have:  # the import now makes this entry itself (under this name or one of its aliases)
            if term.casefold() not in taken:
                have[0].setdefault("aliases", []).append(term)
                taken.add(term.casefold())
            continue
        entry = {"term": term, "definition": definition}
        free = [n for n in names if n.casefold() not in taken]
        if free:
            entry["aliases"] = free
        taken.update(n.casefold() for n in [term, *free])
        lists[0].append(entry)  # added to the file's own topic (its first list of entries)
        entries.append(entry)
    for entry in entries:
        for key, table in (("examples", ADD_EXAMPLES), ("details", ADD_DETAILS)):
            entry.setdefault(key, []).extend(table.get(name, {}).get(entry["term"], []))
            if not entry[key]:
                del entry[key]
    # a see_also naming a deleted entry would fail to load; a topic whose entries all went is dropped
    for entry in entries:
        if "see_also" in entry:
            entry["see_also"] = [ref for ref in entry["see_also"] if ref.casefold() in taken]
            if not entry["see_also"]:
                del entry["see_also"]
    if "topics" in data:
        data["topics"] = [t for t in data["topics"] if t["entries"]]
        if not data["topics"]:
            del data["topics"]
    data.pop("unplaced", None)
    header = f"# Hand-corrected import of tests/corpus/{spec['notes']} (see correct.py for every edit).\n"
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110)


def _tune_split(stem: str) -> bool:
    expectations = yaml.safe_load((ROOT / "tests" / "corpus" / f"{stem}.yaml").read_text(encoding="utf-8"))
    return str(expectations.get("split", "tune")).startswith("tune")


if __name__ == "__main__":
    only_tune = "--tune" in sys.argv[1:]
    for stem in sorted(EDITS):
        if only_tune and not _tune_split(stem):
            continue
        (HERE / f"{stem}.yaml").write_text(corrected(stem), encoding="utf-8")
        print("wrote", HERE / f"{stem}.yaml")
