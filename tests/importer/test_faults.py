"""Each kind of importer fault seen on real notes, as small inputs (our own wording of each kind).

Every case is a notes text, the entries it must give (term, start of the definition, aliases that
must be among its names), names that must not appear anywhere, and text that must be reported as
unplaced. Each import is also loaded by the real loader, so the file is valid.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bot.importer import import_notes
from bot.importer.text import is_term_name, term_name
from bot.knowledge import KnowledgeBase
from bot.loader import load_knowledge_text, normalize_name


@dataclass(frozen=True)
class Case:
    notes: str
    entries: tuple[tuple[str, str, tuple[str, ...]], ...]  # term, definition start, some aliases
    absent: tuple[str, ...] = ()  # names that must be no entry's term or alias
    unplaced: tuple[str, ...] = ()  # texts that must be reported among the unplaced lines
    tags: tuple[str, ...] = field(default=())  # grouping headings: topics (two or more) or tags


CASES: dict[str, Case] = {
    # -- a heading per term, with a terse line or a paragraph ------------------------------------------
    "terse line under a heading": Case(
        "# Attacks\n\n#### Smishing\nSMS phishing\n\n#### Whaling\nPhishing aimed at executives\n",
        (("Smishing", "SMS phishing", ()), ("Whaling", "Phishing aimed at executives", ())),
        absent=("SMS phishing",),
    ),
    "terse line with a parenthesis": Case(
        "# Attacks\n\n### Vishing\nVoice phishing (some automated)\n\n### Tailgating\nFollowing someone in\n",
        (("Vishing", "Voice phishing (some automated)", ()), ("Tailgating", "Following someone in", ())),
        absent=("Voice phishing",),
    ),
    "indented deeper headings with one word": Case(
        "# Persuasion\n\n## Principles\n\n  ##### Scarcity\n  Rare\n\n  ##### Authority\n  Boss says so\n",
        (("Scarcity", "Rare", ()), ("Authority", "Boss says so", ())),
        absent=("Rare",),
        tags=("Principles",),
    ),
    "heading code-indented four spaces": Case(
        "# Net\n\n    #### Jitter\n    Variation in delay\n\n#### Latency\nDelay of a packet\n",
        (("Jitter", "Variation in delay", ()), ("Latency", "Delay of a packet", ())),
    ),
    "terse line then a list of details": Case(
        "# Malware\n\n### Rootkit\nHides itself\n- runs with kernel privileges\n- hard to remove\n",
        (("Rootkit", "Hides itself", ()),),
    ),
    "a heading with a paragraph": Case(
        "# Malware\n\n## Worms\n\n### Worm\n"
        "Malware that spreads over the network on its own,\nwithout a host.\n",
        (("Worm", "Malware that spreads over the network on its own", ()),),
        tags=("Worms",),
    ),
    "grouping headings are not terms": Case(
        "# Biology\n\n## Cells\n\n### Nucleus\nHolds the DNA\n\n### Ribosome\nMakes proteins\n\n"
        "## Energy\n\n### ATP\nThe energy currency of the cell\n",
        (("Nucleus", "Holds the DNA", ()), ("Ribosome", "Makes proteins", ()), ("ATP", "The energy", ())),
        absent=("Cells", "Energy"),
        tags=("Cells", "Energy"),
    ),
    # -- citations, footnotes, HTML, images, code -------------------------------------------------------
    "citation link inside brackets": Case(
        "# Net\n\n- DHCP process [[1](#sources): 74-75]: how a client leases an address\n"
        "- NAT [[2](#sources)]: maps private to public addresses\n",
        (("DHCP process", "How a client leases an address", ()), ("NAT", "Maps private", ())),
        absent=("DHCP process [1", "NAT [2]"),
    ),
    "footnote marks and their text": Case(
        "# Crypto\n\n- Salt[^1]: random data added before hashing\n- Pepper[^note]: a secret salt[^2]\n\n"
        "[^1]: Textbook, p. 12\n",
        (("Salt", "Random data added before hashing", ()), ("Pepper", "A secret salt", ())),
        absent=("Salt[^1]",),
        unplaced=("[^1]: Textbook, p. 12",),
    ),
    "superscript footnote marks and images": Case(
        "# Bio\n\n**Mitosis**<sup>3</sup>: division into two identical cells ![diagram](mitosis.png)\n\n"
        "**Meiosis**¹ - division into four sex cells\n",
        (("Mitosis", "Division into two identical cells", ()), ("Meiosis", "Division into four", ())),
        absent=("Mitosis3", "Meiosis¹", "diagram"),
    ),
    "inline HTML in a definition": Case(
        "# Web\n\n- CSRF: makes a <b>logged-in</b> browser send a request<br>the site trusts it\n",
        (("CSRF", "Makes a logged-in browser send a request", ()),),
    ),
    "code blocks are never a definition": Case(
        "# Shell\n\n### grep\n```\ngrep -r word .\n```\n\n### chmod\nChanges file permissions\n",
        (("chmod", "Changes file permissions", ()),),
        absent=("grep -r word .",),
        unplaced=("grep",),
    ),
    # -- a term is a name -------------------------------------------------------------------------------
    "flag marks after a term": Case(
        "# Bio\n\n| Term | Definition |\n|---|---|\n| Symbiosis \\* | Two species living closely |\n"
        "| Osmosis † | Water moving across a membrane |\n",
        (("Symbiosis", "Two species", ()), ("Osmosis", "Water moving", ())),
        absent=("Symbiosis *", "Osmosis †"),
    ),
    "optional words in square brackets": Case(
        "# Bio\n\n| Term | Definition |\n|---|---|\n| [Characteristics of] Life | MRS GREN |\n"
        "| Cell [membrane] | Controls what enters the cell |\n",
        (
            ("Characteristics of Life", "MRS GREN", ("Life",)),
            ("Cell membrane", "Controls what enters", ("Cell",)),
        ),
        absent=("[Characteristics of] Life",),
    ),
    "plural ending in parentheses": Case(
        "# Bio\n\n| Term | Definition |\n|---|---|\n| Replicate(s) | Makes a copy of itself |\n"
        "| Enzyme(s) | Biological catalyst |\n",
        (("Replicate", "Makes a copy", ("Replicates",)), ("Enzyme", "Biological catalyst", ("Enzymes",))),
        absent=("s",),
    ),
    "sentences are never terms": Case(
        "# Tips\n\n- Remember this for the exam because it comes up a lot: ports matter\n- Port 22: SSH\n",
        (("Port 22", "SSH", ()),),
        absent=("Remember this for the exam because it comes up a lot",),
        unplaced=("Remember this for the exam because it comes up a lot",),
    ),
    # -- (ABBR) is an alias; rows without definitions ---------------------------------------------------
    "Term (ABBR): definition bullets": Case(
        "# N+\n\n- Dynamic Host Configuration Protocol (DHCP): hands out IP addresses\n"
        "- Time To Live (TTL): hops a packet may take\n",
        (("Dynamic Host Configuration Protocol", "Hands out", ("DHCP",)), ("Time To Live", "Hops", ("TTL",))),
    ),
    "glossary rows without definitions are not merged": Case(
        "# Glossary\n\n| Term | Definition |\n|---|---|\n| HTTP | |\n| HTTPS | |\n"
        "| SSH | Secure remote shell |\n"
        "| SSHs | |\n",
        (("SSH", "Secure remote shell", ()),),
        absent=("HTTP", "HTTPS"),
        unplaced=("HTTP: no definition in the notes", "HTTPS: no definition in the notes", "SSHs"),
    ),
    "acronyms are not plurals of each other": Case(
        "# Web\n\n- HTTP: plain web traffic\n- HTTPS: web traffic over TLS\n",
        (("HTTP", "Plain web traffic", ()), ("HTTPS", "Web traffic over TLS", ())),
    ),
    # -- the other common styles ------------------------------------------------------------------------
    "bold term, colon": Case(
        "# Crypto\n\n**Nonce**: a number used once\n\n**IV**: random input to a cipher\n",
        (("Nonce", "A number used once", ()), ("IV", "Random input", ())),
    ),
    "dash and em dash": Case(
        "# OS\n\nKernel - the core of the OS\n\nShell — the program that reads commands\n\n"
        "Daemon – background service\n",
        (("Kernel", "The core", ()), ("Shell", "The program", ()), ("Daemon", "Background service", ())),
    ),
    "table without outer pipes": Case(
        "# Ports\n\nTerm | Definition\n--- | ---\nDNS | Port 53, names to addresses\n"
        "SMTP | Port 25, sends mail\n",
        (("DNS", "Port 53", ()), ("SMTP", "Port 25", ())),
    ),
    "table with headers the importer does not know": Case(
        "# Bio\n\n| Word | What it means |\n|---|---|\n| Diffusion | Particles spreading from high to low |\n"
        "| Active transport | Moving particles against the gradient using energy |\n",
        (("Diffusion", "Particles spreading", ()), ("Active transport", "Moving particles", ())),
    ),
    "definition list": Case(
        "# Chem\n\nIsotope\n: an atom with a different number of neutrons\n\n"
        "Ion\n: a charged atom\n: may be + or -\n",
        (("Isotope", "An atom with a different", ()), ("Ion", "A charged atom", ())),
    ),
    "numbered list with nested details": Case(
        "# Steps\n\n1. **Reconnaissance** - gathering information about the target\n"
        "   - passive or active\n2. **Weaponization** - building the exploit\n",
        (("Reconnaissance", "Gathering information", ()), ("Weaponization", "Building the exploit", ())),
        absent=("passive or active",),
    ),
    "outline: a term with its explanation nested, sub-terms as pairs, a group of pairs": Case(
        "# Attacks\n\n- Phishing\n  - fake email that asks for a password\n"
        "  - Spear phishing - aimed at one person\n"
        "- Injection\n  - LDAP injection - queries a directory\n"
        "  - Command injection - runs a shell command\n",
        (
            ("Phishing", "Fake email", ()),
            ("Spear phishing", "Aimed at one person", ()),
            ("LDAP injection", "Queries a directory", ()),
            ("Command injection", "Runs a shell command", ()),
        ),
        absent=("Injection",),
        tags=("Injection",),
    ),
    "cheat-sheet table: every cell an entry, bold cells group them": Case(
        "# Sheet\n\n| **Ciphers** | **Kind** | **Hashes** |\n|---|---|---|\n"
        "| AES (Advanced Encryption Standard) [Rijndael] (128 bits) Used by WPA2. | Block | "
        "MD5 (Message Digest 5) - 128 bit digest. |\n"
        "| RC4 (Rivest Cipher 4) Used by WEP. | Stream | SHA (Secure Hash Algorithm) - 160 bit digest. |\n"
        "| **Modes** | | |\n"
        "| CBC (Cipher Block Chaining) - uses an IV | | BIA (Business Impact Analysis) |\n",
        (
            ("AES", "Used by WPA2", ("Advanced Encryption Standard", "Rijndael")),
            ("RC4", "Used by WEP", ()),
            ("MD5", "128 bit digest", ()),
            ("CBC", "Uses an IV", ("Cipher Block Chaining",)),
            ("BIA", "Business Impact Analysis", ()),
        ),
        absent=("Ciphers", "Modes", "Block", "Stream"),
        tags=("Ciphers", "Hashes", "Modes"),
    ),
    "a table of names and numbers (ports)": Case(
        "# Ports\n\n| Port | Use |\n|---|---|\n| 22 | SSH/SCP |\n| UDP 123 | NTP |\n| 3389 | RDP |\n",
        (("SSH/SCP", "Port 22", ()), ("NTP", "Port UDP 123", ()), ("RDP", "Port 3389", ())),
        absent=("22", "3389"),
    ),
    "front matter and kramdown attributes": Case(
        '---\ntitle: "Glossary"\n---\n\n'
        "**Closure**{:#closure}:\n:   a function that keeps\n    its scope.\n\n"
        "**Vector**{:#vector}:\n:   a sequence of values\n",
        (("Closure", "A function that keeps its scope", ()), ("Vector", "A sequence of values", ())),
        absent=("title", "Closure{:#closure}"),
    ),
    "lower-case glossary list": Case(
        "# Chem\n\n- element: a substance made of one kind of atom\n- compound: two or more elements bonded\n"
        "- Relative atomic mass: the mean mass of an atom\n",
        (
            ("element", "A substance", ()),
            ("compound", "Two or more", ()),
            ("Relative atomic mass", "The mean", ()),
        ),
    ),
    "bold term then a statement": Case(
        "# RAM\n\n1. **DDR4** increases speed and efficiency.\n\n2. **ECC (Error-Correcting Code) RAM** "
        "detects and corrects errors.\n\n3. **DDR5** is faster than DDR4.\n",
        (("DDR4", "Increases speed", ()), ("DDR5", "Faster than DDR4", ())),
    ),
    "numbered outline with headings and statements": Case(
        "1. ###Animal cells\n\n    1. The nucleus controls the activities of the cell\n"
        "    2. The ribosomes are where proteins are made\n2. ###Plant cells\n\n"
        "    1. The chloroplasts absorb light to make glucose\n    2. The cell wall is made of cellulose\n",
        (
            ("Nucleus", "Controls the activities", ()),
            ("Ribosomes", "Where proteins", ()),
            ("Chloroplasts", "Absorb light", ()),
            ("Cell wall", "Made of cellulose", ()),
        ),
        absent=("###Animal cells", "Animal cells"),
    ),
    "hedged and negated statements name no term": Case(
        "1. ###Microbes\n\n    1. Cells may be harmful or helpful to people\n"
        "    2. The genes are not in a nucleus\n    3. Plasmids are small rings of DNA in the cytoplasm\n"
        "    4. Flagella are tails that help the cell move\n",
        (("Plasmids", "Small rings of DNA", ()), ("Flagella", "Tails that help", ())),
        absent=("Genes", "Cells"),
    ),
    "the first sentence under a heading names it by its acronym": Case(
        "# Networks\n\n### Metropolitan Area Network\n\n"
        "MAN networks are what joins the sites of a city with fast fibre links.\n\n"
        "### Virtual Private Network\n\nA VPN is an encrypted tunnel over a public network.\n",
        (
            ("Metropolitan Area Network", "What joins the sites", ("MAN",)),
            ("Virtual Private Network", "An encrypted tunnel", ("VPN",)),
        ),
        absent=("MAN networks",),
    ),
    "sentences that lean on the text above are details, not terms": Case(
        "# Networks\n\n### Leased line\n\nA private circuit rented from a carrier.\n\n"
        "Switches are the devices that make this possible at each end.\n\n"
        "The circuit carries only the customer's traffic between two sites.\n\n"
        "Guaranteed bandwidth is a big advantage of leased lines over broadband.\n\n"
        "Jitter is the variation in delay between packets that arrive at a site.\n",
        (("Leased line", "A private circuit", ()), ("Jitter", "The variation in delay", ())),
        absent=("Switches", "Circuit", "Guaranteed bandwidth"),
    ),
    "an outline item over a list of names is a group, not a term": Case(
        "- Web attacks\n  - Injection - untrusted input run as a command\n- Exploiting Plugins\n"
        "  - Extensions, plugins, add-ons\n  - Extensions affect one site\n"
        "- Zero-day - an attack nobody knew of\n",
        (("Injection", "Untrusted input", ()), ("Zero-day", "An attack nobody", ())),
        absent=("Exploiting Plugins",),
        unplaced=("Extensions, plugins, add-ons", "Extensions affect one site"),
    ),
    "a heading that opens with an introduction groups the headings below": Case(
        "# Net\n\n## Common Parts\n\nThere are many devices that make up a network.\n\n"
        "Let's talk about two of them:\n\n- Switches\n\n- Bridges\n\n"
        "### Switches\nForward frames by MAC address\n\n### Bridges\nJoin two segments into one\n",
        (("Switches", "Forward frames", ()), ("Bridges", "Join two segments", ())),
        absent=("Common Parts",),
        unplaced=("There are many devices", "Let's talk about two of them"),
        tags=("Common Parts",),
    ),
    "bold terms inside prose, explained right after": Case(
        "# Storage\n\n## Disks\n\nOld servers used a layout called **striping**, which spreads each file "
        "over several disks.\n\nSome arrays add a **hot spare**—a disk that waits idle until one fails.\n\n"
        "We get the word from the term **mirroring**. A mirroring is a copy of one disk kept on another.\n\n"
        "Admins often talk about **uptime** when they compare arrays.\n",
        (
            ("Striping", "Spreads each file", ()),
            ("Hot spare", "A disk that waits idle", ()),
            ("Mirroring", "A copy of one disk", ()),
        ),
        absent=("Uptime",),
    ),
    # -- note styles real notes use, written in our own words -----------------------------------------
    "term line then definition line, lower case, unit headings": Case(
        "---\ntitle: Psychology\n---\n\n# Unit I: Foundations\n\nhindsight bias\n"
        "the tendency to believe, after an outcome, that one saw it coming\n\ncritical thinking\n"
        "thinking that does not blindly accept arguments\n\n# Unit II: Biology\n\nNeuron\n"
        "a nerve cell; the building block of the nervous system\n",
        (
            ("hindsight bias", "The tendency to believe", ()),
            ("critical thinking", "Thinking that does not", ()),
            ("Neuron", "A nerve cell", ()),
        ),
        absent=("Unit I: Foundations", "Unit I", "Unit II: Biology"),
        tags=("Unit I: Foundations", "Unit II: Biology"),
    ),
    "unit lines in plain notes are groups, not terms": Case(
        "Unit 1: Research methods\n\nHypothesis\nA testable prediction about how variables relate.\n\n"
        "Unit 2: Behaviour\n\nNeuron\n\nA nerve cell; the building block of the nervous system.\n",
        (("Hypothesis", "A testable prediction", ()), ("Neuron", "A nerve cell", ())),
        absent=("Unit 1", "Unit 2", "Research methods"),
        tags=("Unit 1: Research methods", "Unit 2: Behaviour"),
    ),
    "bold Term (ABBR): with the colon inside, under nested headings": Case(
        "# Memory\n\n## Types\n\n### Volatile\n\n- **Random Access Memory (RAM):** Loses its contents "
        "without power.\n  - Used by running programs.\n- **Cache:** Small fast memory near the CPU.\n\n"
        "#### Modules\n\n- **Small Outline DIMM (SO-DIMM):** The smaller stick used in laptops.\n\n"
        "## What is the difference between SRAM and DRAM?\n\n- **Static RAM (SRAM):** Needs no refresh.\n",
        (
            ("Random Access Memory", "Loses its contents", ("RAM",)),
            ("Cache", "Small fast memory", ()),
            ("Small Outline DIMM", "The smaller stick", ("SO-DIMM",)),
            ("Static RAM", "Needs no refresh", ("SRAM",)),
        ),
        absent=("Types", "Volatile", "Modules"),
    ),
    "plain Term (ABBR): definition lines": Case(
        "# Networking\n\nDynamic Host Configuration Protocol (DHCP): Hands out addresses automatically.\n"
        "Domain Name System (DNS): Turns host names into addresses.\n",
        (
            ("Dynamic Host Configuration Protocol", "Hands out addresses", ("DHCP",)),
            ("Domain Name System", "Turns host names", ("DNS",)),
        ),
    ),
    "a lower-case word in brackets qualifies the term, it is no name": Case(
        "# Glossary\n\n**Catch (exception)**:\n:   to handle an error that was raised.\n\n"
        "**Raise (exception)**:\n:   to signal that something went wrong.\n\n"
        "**Exception**:\n:   an object that says what went wrong.\n\n"
        "**Hashing (digest)**:\n:   a one-way function.\n",
        (
            ("Catch", "To handle an error", ("Catch exception",)),
            ("Raise", "To signal", ("Raise exception",)),
            ("Exception", "An object that says", ()),
            ("Hashing", "A one-way function", ("digest",)),  # a bracket no other entry shares: an alias
        ),
    ),
    # -- garbage kinds found by writing notes in the styles (third round) -------------------------
    "document-part headings are no terms and their text is no definition": Case(
        "# Networking\n\n## Table of Contents\n- [Introduction](#introduction)\n- [Protocols](#protocols)\n\n"
        "## Introduction\nThis document covers networking for the exam.\n\n## Protocols\n\n"
        "### UDP\nConnectionless transport protocol.\n\n## Key Points\n- Always check the cable first.\n"
        "- There are 65535 ports.\n\n## Summary\nNetworking is important.\n\n## References\n"
        "1. AUTHOR, J. (2020). *Networking*. Publisher, pp. 12-15.\n2. https://example.com/networking\n",
        (("UDP", "Connectionless transport protocol", ()),),
        absent=("Introduction", "Key Points", "Summary", "References", "Table of Contents", "Protocols"),
        unplaced=("This document covers", "Always check the cable first.", "AUTHOR, J. (2020)"),
    ),
    "a question heading names its subject, no group": Case(
        "# Networking\n\n## Transport\n\n### What is TCP?\n"
        "TCP is a connection-oriented protocol that guarantees delivery.\n\n### UDP\nConnectionless.\n",
        (("TCP", "A connection-oriented protocol", ()), ("UDP", "Connectionless", ())),
        absent=("What is TCP?", "What is TCP"),
        tags=("Transport",),
    ),
    "numbered steps, total rows and Q/A lines are no terms": Case(
        "# Handshake\n\n- **SYN**: the client asks to open a connection\n\n1. **Step 1** Client sends SYN.\n"
        "2. **Step 2** Server replies SYN/ACK.\n\n| Term | Definition |\n| --- | --- |\n"
        "| ACK | Acknowledges data. |\n| Total | 2 terms |\n\nQ: What is a port? A: A numbered endpoint.\n",
        (("SYN", "The client asks", ()), ("ACK", "Acknowledges data", ())),
        absent=("Step 1", "Step 2", "Total", "Q"),
        unplaced=("Client sends SYN", "Total", "What is a port?"),
    ),
    "author-year and source citations are no part of a definition": Case(
        "# Cells\n\n| Term | Definition |\n| --- | --- |\n"
        "| Osmosis | Movement of water across a membrane (AUTHOR, 2018). |\n"
        "| Diffusion | Net movement of particles (AUTHOR et al. 2020, p. 4). |\n\n"
        "Catalyst\n: A substance that speeds up a reaction. (Source: a revision site)\n",
        (
            ("Osmosis", "Movement of water across a membrane.", ()),
            ("Diffusion", "Net movement of particles.", ()),
            ("Catalyst", "A substance that speeds up a reaction.", ()),
        ),
    ),
    "a colon after a bold term and its expansion is no part of the definition": Case(
        "# Net\n\n- **ARP** (Address Resolution Protocol): Maps IP addresses to MAC addresses.\n"
        "- **NDP** (Neighbor Discovery Protocol); Finds neighbours in IPv6.\n",
        (("ARP", "Maps IP addresses", ("Address Resolution Protocol",)),),
    ),
    "pictures around a term and task-list boxes are no part of it": Case(
        "# Linux\n\n- 🔥 **Kernel**: the core of the operating system\n- [x] **sudo** — runs a command as "
        "another user\n- [ ] Learn chmod before Friday\n- **Shell** 🐚 - a program that reads commands\n",
        (("Kernel", "The core", ()), ("sudo", "Runs a command", ()), ("Shell", "A program that reads", ())),
        absent=("🔥 Kernel", "[x] sudo", "Shell 🐚", "Learn chmod before Friday"),
    ),
    "an Examples heading holds examples of the entry above, not terms": Case(
        "# Exchange\n\n## Gas exchange\n\nSwapping gases between an organism and its surroundings.\n\n"
        "### Examples\n\n1. The gills absorb oxygen from water flowing over them\n"
        "2. Leaves take in carbon dioxide through their stomata\n",
        (("Gas exchange", "Swapping gases", ()),),
        absent=("Gills", "Leaves", "Examples"),
    ),
    # -- a code span names the term: `term`. definition ----------------------------------------------
    "a code-span term followed by a period": Case(
        "# Markets\n\n[TOC]\n\n`sunk cost`. a cost that has been paid and cannot be recovered.\n\n"
        "`price taker` a buyer or seller who must accept the market price.\n\n"
        "`barrier to entry`: anything that keeps new firms out of a market.\n",
        (
            ("sunk cost", "A cost that has been paid", ()),
            ("price taker", "A buyer or seller", ()),
            ("barrier to entry", "Anything that keeps", ()),
        ),
        absent=("Markets", "[TOC]", "TOC"),
    ),
    "a bracketed name with its acronym after a comma": Case(
        "# Costs\n\n`(long-run average cost, LRAC)`. the lowest cost per unit over the long run.\n\n"
        "**(marginal revenue product, MRP)**. the extra revenue one more worker brings.\n",
        (
            ("long-run average cost", "The lowest cost per unit", ("LRAC",)),
            ("marginal revenue product", "The extra", ("MRP",)),
        ),
        absent=("(long-run average cost, LRAC)",),
    ),
    "a code span inside a sentence names nothing": Case(
        "# Shell\n\nType `ls -l` to see the files with their sizes and owners.\n\n"
        "`pwd`. prints the working directory.\n\n`cd` changes the working directory.\n",
        (("pwd", "Prints the working directory", ()), ("cd", "Changes the working", ())),
        absent=("ls -l", "ls", "Type ls -l to see the files with their sizes and owners"),
    ),
    # -- "Term - definition" paragraphs wrapped over lines, with indented bullets below --------------
    "a dash definition wrapped over lines": Case(
        "Git Words\n\nCommit - a snapshot of the tracked files; each one points\nto its parent.\n\n"
        "rebase - replay commits on top of another base\n(rewrites their hashes).\n\n"
        "git add / git rm - stage or unstage files for\nthe next commit.\n",
        (
            ("Commit", "A snapshot of the tracked files; each one points to its parent.", ()),
            ("rebase", "Replay commits on top of another base (rewrites their hashes)", ()),
            ("git add / git rm", "Stage or unstage files for the next commit.", ()),
        ),
        absent=("to its parent.", "the next commit."),
    ),
    "indented 'Label - detail' bullets are details of the term above": Case(
        "Git Words\n\nBranch - a movable pointer to a commit.\n"
        "  - Local - lives in your repository only\n  - Remote-tracking - mirrors a branch on a\n"
        "  remote, updated by fetch\n\nTag - a fixed name for one commit.\n",
        (("Branch", "A movable pointer to a commit", ()), ("Tag", "A fixed name for one commit", ())),
        absent=("Local", "Remote-tracking"),
    ),
    "a term defined only by its indented bullets": Case(
        "Git Words\n\nstash -\n  - stash push - shelve the uncommitted changes\n"
        "  - stash pop - bring them back\n\nRemotes (with origin, upstream) -\n"
        "  - origin - where the clone came from\n  - upstream - the project you forked\n\n"
        "Merge - join two histories into one.\n",
        (
            ("stash", "Stash push - shelve the uncommitted changes", ()),
            ("Remotes", "", ()),
            ("Merge", "Join two histories", ()),
        ),
        absent=("stash push", "stash pop", "origin", "upstream", "Remotes (with origin, upstream)"),
    ),
    # -- an italic question line, then its answer in a blockquote ---------------------------------------
    "an italic question line then a blockquote answer": Case(
        "*What is a Daemon*\n> A daemon is a background process that waits for requests.\n"
        "> It has no terminal.\n\n_What are Signals?_\n> Signals are short messages the kernel sends "
        "to a process.\n",
        (("Daemon", "A background process", ()), ("Signals", "Signals are short messages", ())),
        absent=("What is a Daemon", "What are Signals?", "It has no terminal."),
    ),
    "short names listed with their long names": Case(
        "# Editors\n\nSome editors:\n- vi: Visual Editor\n- ed: Line Editor\n- nano: Nano's ANOther editor\n",
        (("vi", "", ("Visual Editor",)), ("ed", "", ("Line Editor",))),
        absent=("Some editors",),
    ),
    "'- Term:' items with their properties nested below": Case(
        "# Blood\n\nPlatelets and plasma compared\n- Platelets:\n  - Fragments of cells\n"
        "  - Help blood clot\n"
        "- Plasma:\n  - The liquid part of blood\n- 2 Types:\n  - Red\n  - White\n",
        (("Platelets", "Fragments of cells", ()), ("Plasma", "The liquid part of blood", ())),
        absent=("2 Types", "Help blood clot"),
    ),
    "'A/An x is a ...' after an entry defines a new term": Case(
        "# Blood\n\nImmunity is the ability to resist infection\n\n"
        "An antibody is a protein made in response to an antigen\n\n"
        "The protein is shaped like a Y.\n",
        (("Immunity", "The ability to resist", ()), ("Antibody", "A protein made in response", ())),
        absent=("Protein",),
    ),
    # -- a lead-in phrase under a heading, and a term defined by likeness -------------------------------
    "a lead-in cut off before its list defines no heading": Case(
        "# Optics\n\n## Lens Primer\n\nRead together with\n* Book one, chapter 2. Publisher, 2001.\n"
        "* Book two, chapter 5.\n\n### Glossary\n\n- Focus: where the rays meet\n- Prism: splits light\n",
        (("Focus", "Where the rays meet", ()), ("Prism", "Splits light", ())),
        absent=("Lens Primer", "Read together with"),
        unplaced=("Read together with", "Book one, chapter 2."),
    ),
    "a term's heading over a bare phrase, a labelled property and a bold sub-term": Case(
        "# Storage\n\n## Drives\n\n### SSD (Solid State Drive)\n- No moving parts.\n"
        "- Read speed: up to 7 GB/s on NVMe.\n- Wears out after many writes.\n"
        "- **M.2 (Next Generation Form Factor):** A small card slot for SSDs.\n\n"
        "### Throughput\n- Amount of data moved per second.\n- Units: **MB/s**.\n"
        "- More lanes = faster transfers.\n",
        (
            ("SSD", "No moving parts.", ("Solid State Drive",)),
            ("M.2", "A small card slot", ("Next Generation Form Factor",)),
            ("Throughput", "Amount of data moved", ()),
        ),
        absent=("Read speed", "Units", "More lanes"),
    ),
    "bold sub-terms nested under a label bullet are terms; bold property labels are not": Case(
        "# Wireless\n\n## Standards\n\n### Wi-Fi (Wireless Fidelity)\n"
        "- Wi-Fi links devices to a LAN by radio.\n- Generations:\n"
        "  - **Wi-Fi 5:** 802.11ac, 5 GHz only.\n  - **Wi-Fi 6:** 802.11ax, better in crowds.\n"
        "- **Pros:** no cables.\n- **Note:** walls weaken it.\n",
        (
            ("Wi-Fi", "Wi-Fi links devices", ("Wireless Fidelity",)),
            ("Wi-Fi 5", "802.11ac", ()),
            ("Wi-Fi 6", "802.11ax", ()),
        ),
        absent=("Pros", "Note", "Generations"),
    ),
    "a see-also line after a group's table is no term of the heading": Case(
        "# Glossary\n\n## Routing\n\n| Term | Meaning |\n| --- | --- |\n| Hop | One router to the next |\n"
        "\n## Naming\n\n| Term | Meaning |\n| --- | --- |\n| Resolver | Asks DNS servers for a client |\n"
        "| Zone | A part of the DNS namespace |\n\nSee also: [Addressing](addressing.md).\n",
        (("Hop", "One router", ()), ("Resolver", "Asks DNS", ()), ("Zone", "A part of", ())),
        absent=("Naming",),
        unplaced=("See also: Addressing",),
        tags=("Routing", "Naming"),
    ),
    "'A / B' rows and 'Term, in X' rows are found by each name": Case(
        "# Glossary\n\n| Term | Meaning |\n| --- | --- |\n"
        "| Gateway / Default route | Where a host sends traffic it has no route for |\n"
        "| Latency, in routing | The time a packet takes to arrive |\n"
        "| TCP/IP | The internet's protocols |\n",
        (
            ("Gateway / Default route", "Where a host sends", ("Gateway", "Default route")),
            ("Latency", "The time a packet", ("Latency in routing",)),
            ("TCP/IP", "The internet's", ()),
        ),
        absent=("Latency, in routing", "TCP", "IP"),
    ),
    "an acronym's definition opening with its long name": Case(
        "# Glossary\n\n| Term | Meaning |\n| --- | --- |\n"
        "| TTL | Time To Live: a counter that stops packets looping |\n"
        "| Hop | Distance: one router to the next |\n",
        (("TTL", "A counter that stops", ("Time To Live",)), ("Hop", "Distance: one router", ())),
        absent=("Distance",),
    ),
    "a counted label over exactly that many bare names": Case(
        "# Plants\n\nPhotosynthesis is how plants make sugar from light\n\n3 Parts of a flower\n"
        "  1. Petal\n  2. Stamen (male part)\n  3. Carpel\n\nThere are two types of roots\n"
        "  1. Taproot\n  2. Fibrous root\n\nSome common weeds\n  1. Dandelion\n  2. Clover\n",
        (("Petal", "One of the 3 parts of a flower", ()), ("Taproot", "One of the two types of roots", ())),
        absent=("3 Parts of a flower", "There are two types of roots", "Dandelion", "Clover"),
    ),
    "empty 'Term:' prompts are reported, never details or terms": Case(
        "# Blood\n\nRed cells carry oxygen\n\nCompare the two cell types\n- Red cells:\n"
        "  - Carry oxygen\n  - No nucleus\n- White cells:\n\nDescribe each one:\n- Platelets:\n"
        "- Plasma:\n",
        (("Red cells", "Carry oxygen", ()),),
        absent=("White cells", "Platelets", "Plasma"),
        unplaced=("White cells:", "Platelets:", "Plasma:"),
    ),
    "'Name: explanation' items under a '2 Types:' label are kinds of the entry": Case(
        "# Rocks\n\nIgneous rock: Rock formed from cooled magma\n- 2 Types:\n"
        "  - Intrusive: Cooled slowly underground, large crystals\n    - Example: Granite\n"
        "  - Extrusive: Cooled quickly at the surface\n- Colour: dark or light\n",
        (
            ("Igneous rock", "Rock formed from cooled magma", ()),
            ("Intrusive", "Cooled slowly underground", ()),
            ("Extrusive", "Cooled quickly", ()),
        ),
        absent=("2 Types", "Colour", "Granite"),
    ),
    "a parenthesis before the name: a synonym unless another entry has that name": Case(
        "# Blood\n\n- (Thrombocytes) Platelets: Help the blood clot\n- (Erythrocytes) Red cells: Carry "
        "oxygen\n- Plasma: The liquid part\n\nThe cells compared\n- Erythrocytes:\n  - Have no nucleus\n"
        "  - Live 120 days\n- Plasma:\n  - Mostly water\n",
        (
            ("Platelets", "Help the blood clot", ("Thrombocytes",)),
            ("Red cells", "Carry oxygen", ()),
            ("Erythrocytes", "Have no nucleus", ()),
        ),
        absent=("(Thrombocytes) Platelets", "(Erythrocytes) Red cells"),
    ),
    "'X are <kinds> that ...' defines X; 'X are <adjective>' does not": Case(
        "# Cells\n\nA cell is the unit of life\n\nA ribosome are small particles that build proteins\n\n"
        "Mitochondria are important for the cell\n",
        (("Ribosome", "Small particles that build proteins", ()),),
        absent=("Mitochondria",),
    ),
    "an adverbial opening under a term's heading is its definition, with the acronym it names": Case(
        "# Storage\n\n### Network Attached Storage\n\nFor sharing files at home there are NASes, or small "
        "file servers.\n\nThey sit on the LAN.\n\n### Tape\n\nIn old data centres tape is a backup medium "
        "that lasts.\n",
        (("Network Attached Storage", "For sharing files at home", ("NAS",)), ("Tape", "In old data", ())),
        absent=("For sharing files at home there", "In old data centres tape"),
    ),
    "a definition-list term that is also a label word": Case(
        "# Words\n\n**Alias**{:#alias}:\n:   to have two references to the same data.\n\n"
        "**Example**:\n:   a case that shows a rule.\n\n**Bit**:\n:   a binary digit.\n",
        (
            ("Alias", "To have two references", ()),
            ("Example", "A case that shows", ()),
            ("Bit", "A binary", ()),
        ),
    ),
    "a bold term after 'known as' / 'called' in prose is kept with its sentence, flagged": Case(
        "# Soil\n\nGardeners often mix compost into clay to make it drain; the mix is sometimes known as "
        "**loam** by growers.\n\nOld farmers, those people known as **growers** were the first to do it.\n",
        (("Loam", "Gardeners often mix compost", ()),),
        absent=("Growers",),
    ),
    "a statement line over a paragraph is no term over its definition": Case(
        "# Cells\n\n## Parts\n\nThe nucleus holds the DNA\n\nA ribosome is a small particle that builds "
        "proteins\n\nA vacuole stores water\n\nChloroplast\n\nWhere photosynthesis happens in a leaf.\n",
        (("Ribosome", "A small particle", ()), ("Chloroplast", "Where photosynthesis", ())),
        absent=("The nucleus holds the DNA", "A vacuole stores water"),
    ),
    "a bare name among 'Term: definition' bullets is reported, never a detail of the one above": Case(
        "# Cloud\n\n- Elasticity: grow and shrink with demand\n- Scalability: handle more load\n"
        "- Multi-tenancy\n- Serverless: code runs without servers to manage\n",
        (("Scalability", "Handle more load", ()), ("Serverless", "Code runs", ())),
        absent=("Multi-tenancy",),
        unplaced=("Multi-tenancy",),
    ),
    "an acronym's long name before a semicolon": Case(
        "# Cloud\n\n1. **PaaS** - Platform as a Service; run code without managing the OS.\n"
        "2. **IaaS** - Infrastructure as a Service: rent servers.\n",
        (("PaaS", "Run code without", ("Platform as a Service",)), ("IaaS", "Rent servers", ())),
    ),
    "a table written without a header: its first row is a term, not column titles": Case(
        "# Biases\n\n| Anchoring | relying too much on the first number heard |\n|---|---|\n"
        "| Framing | how a choice is worded changes the decision |\n"
        "| Priming | earlier exposure shapes a later response |\n\n## Other\n\n| | |\n|---|---|\n"
        "| Halo effect | one good trait colours the whole judgement |\n\n## More\n\n"
        "| Bias | What it means |\n|---|---|\n| Framing effect | wording changes choices |\n"
        "| Decoy effect | a worse option makes another look better |\n",
        (
            ("Anchoring", "Relying too much", ()),
            ("Framing", "How a choice", ()),
            ("Halo effect", "One good trait", ()),
            ("Decoy effect", "A worse option", ()),
        ),
        absent=("Bias",),
    ),
    "a terse line ending in 'Examples:' over a list": Case(
        "# Memory\n\n### Retrieval\nGetting it back out. Examples:\n- recall\n- recognition\n\n"
        "### Encoding\nGetting it in.\n",
        (("Retrieval", "Getting it back out.", ()), ("Encoding", "Getting it in.", ())),
        absent=("recall", "recognition"),
    ),
    "'Label: value' bullets nested under a numbered term are its details; named kinds are terms": Case(
        "# Markets\n\n1. Externality: a cost or benefit to a third party\n   - Negative: pollution\n"
        "   - Positive: education\n2. Tax: money the state collects\n   - Income taxes: taxes on earnings\n"
        "   - Rate = share of income\n   - Higher tax = less spending\n",
        (
            ("Externality", "A cost or benefit", ()),
            ("Tax", "Money the state", ()),
            ("Income taxes", "Taxes on earnings", ()),
        ),
        absent=("Negative", "Positive", "Rate", "Higher tax"),
    ),
    "a numbered reference link is a citation": Case(
        "# Econ\n\n- Equilibrium – where supply meets demand [1]\n- Surplus [2] – supply above demand\n"
        "- Layer 7 - the application layer\n\n[1]: https://example.com/a\n[2]: https://example.com/b\n",
        (
            ("Equilibrium", "Where supply meets demand", ()),
            ("Surplus", "Supply above", ()),
            ("Layer 7", "The app", ()),
        ),
        absent=("Surplus 2", "Surplus [2]"),
    ),
    "an 'Example:' bullet under an entry is its example": Case(
        "# Immunity\n\nPassive immunity: antibodies given from outside\n- 2 Types:\n"
        "  - Artificial passive: antibodies made by another animal\n    - Example: Anti-venom injection\n",
        (("Artificial passive", "Antibodies made by another", ()),),
        absent=("Example",),
    ),
    "'X are similar to Y' under a grouping heading defines X": Case(
        "# Sound\n\n## Sample Formats for Games\n\nSample formats are similar to recordings, kept as "
        "waveforms.\n\nExt | Meaning\n--- | ---\n.wav | Wave audio\n.ogg | Ogg Vorbis\n",
        (("Sample formats", "Similar to recordings", ()), (".wav", "Wave audio", ())),
    ),
    "a highlighted placeholder under a heading is no meaning": Case(
        "# Art\n\n## Tools\n\n### Pencil\n<mark>pencil</mark>\n\n### Ink\n<mark>to do</mark>\n\n"
        '### Brush\n**<span style="color:red">todo</span>**\n\n### Eraser\nRemoves marks\n\n'
        "### Chalk\n<mark>Soft white limestone for boards</mark>\n",
        (("Eraser", "Removes marks", ()), ("Chalk", "Soft white limestone", ())),
        absent=("Pencil", "Ink", "Brush"),
        unplaced=("Pencil", "Ink", "Brush"),
    ),
    "a pipe table without its separator row": Case(
        "# Greek\n\nLetters in order.\n\nw | def\nalpha | first letter\nbeta | second letter\n\n"
        "## More\n\n- Delta: fourth letter\n",
        (("alpha", "First letter", ()), ("beta", "Second letter", ()), ("Delta", "Fourth letter", ())),
        absent=("w",),
    ),
    "a term heading with nothing under it": Case(
        "# Ecology\n\n## Energy\n\n### Biomass Pyramids\n\n### Food web\nAll the food chains together\n\n"
        "### Trophic level\nA step in a food chain\n",
        (("Food web", "All the food chains", ()), ("Trophic level", "A step in a food chain", ())),
        absent=("Biomass Pyramids",),
        unplaced=("Biomass Pyramids: nothing written under it",),
        tags=("Energy",),
    ),
    "a relative pronoun after an emphasised term is dropped": Case(
        "# Immunity\n\n- *Killer T cells* which destroy infected cells\n"
        "- *Helper T cells* who coordinate the response\n\n### Food chain\nWho eats whom\n",
        (
            ("Killer T cells", "Destroy infected cells", ()),
            ("Helper T cells", "Coordinate the response", ()),
            ("Food chain", "Who eats whom", ()),
        ),
    ),
}


def _kb(text: str) -> tuple[KnowledgeBase, list[tuple[int, str]], tuple[str, ...]]:
    result = import_notes(text, notes_name="case.md")
    kb = load_knowledge_text(result.text, Path("case.yaml"))
    # a grouping heading is a topic of its own when there are two or more, else a tag of the one topic
    groups = tuple(dict.fromkeys(g for t in kb.topics for g in (*t.tags, t.title)))
    return kb, result.draft.unplaced, groups


@pytest.mark.parametrize("name", list(CASES))
def test_fault_kind(name: str) -> None:
    case = CASES[name]
    kb, unplaced, tags = _kb(case.notes)
    by_name = {normalize_name(n): e for e in kb.entries for n in e.names}
    for term, definition, aliases in case.entries:
        entry = by_name.get(normalize_name(term))
        assert entry is not None, f"{term!r} missing; entries: {[e.term for e in kb.entries]}"
        assert entry.term == term
        assert entry.definition.startswith(definition), entry.definition
        for alias in aliases:
            assert normalize_name(alias) in {normalize_name(n) for n in entry.names}, entry.names
    written = {n.casefold() for e in kb.entries for n in e.names}
    for name_ in case.absent:
        assert name_.casefold() not in written, f"{name_!r} became a name"
    texts = [text for _, text in unplaced]
    for text in case.unplaced:
        assert any(text in line for line in texts), (text, texts)
    for tag in case.tags:
        assert tag in tags
    for entry in kb.entries:
        assert is_term_name(entry.term), entry.term


def test_nothing_is_dropped_silently() -> None:
    """Every term-looking line of a messy file is an entry's name or reported as unplaced."""
    notes = (
        "# Mixed\n\n| Term | Definition |\n|---|---|\n| HTTP | |\n| HTTPS | |\n\n"
        "This paragraph explains nothing in particular and belongs to no term at all.\n\n"
        "[^9]: A source\n"
    )
    result = import_notes(notes + "\n- FTP: file transfer\n", notes_name="mixed.md")
    texts = " | ".join(text for _, text in result.draft.unplaced)
    for piece in ("HTTP:", "HTTPS:", "This paragraph explains nothing", "[^9]: A source"):
        assert piece in texts


@pytest.mark.parametrize(
    ("written", "name", "aliases"),
    [
        ("Symbiosis *", "Symbiosis", []),
        ("Mutation\\*\\*", "Mutation", []),
        ("Replicate(s)", "Replicate", ["Replicates"]),
        ("[Characteristics of] Life", "Characteristics of Life", ["Life"]),
        ("Transport Layer Security (TLS)", "Transport Layer Security", ["TLS"]),
    ],
)
def test_term_names_are_cleaned(written: str, name: str, aliases: list[str]) -> None:
    parsed = term_name(written)
    assert (parsed.name, parsed.aliases) == (name, aliases)


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("Birthday attack", True),
        ("802.1X", True),
        ("Type II hypervisor", True),
        ("DHCP process [1", False),
        ("Symbiosis *", False),
        ("s", False),
        ("This is a way to make attackers waste their time.", False),
        ("Phishing is a kind of social engineering", False),
        ("74-75]", False),
    ],
)
def test_what_counts_as_a_term_name(text: str, ok: bool) -> None:
    assert is_term_name(text) is ok


def test_an_examples_heading_gives_its_sentences_to_the_entry_above() -> None:
    kb, unplaced, _ = _kb(CASES["an Examples heading holds examples of the entry above, not terms"].notes)
    entry = next(e for e in kb.entries if e.term == "Gas exchange")
    said = " ".join((*entry.details, *entry.examples))
    assert "The gills absorb oxygen" in said
    assert "Leaves take in carbon dioxide" in said
    assert unplaced == []


def test_a_label_ending_the_terse_line_gives_the_list_its_kind() -> None:
    """ "Getting it back out. Examples:" over a list: the definition stops before the label, and the
    list is the entry's examples, not details."""
    text = "# Memory\n\n### Retrieval\nGetting it back out. Examples:\n- recall\n- recognition\n"
    kb = load_knowledge_text(import_notes(text, notes_name="case.md").text, Path("case.yaml"))
    (entry,) = kb.entries
    assert entry.definition == "Getting it back out."
    assert list(entry.examples) == ["recall", "recognition"]
    assert not entry.details


def test_an_example_bullet_under_a_kind_is_an_example_not_a_detail() -> None:
    text = (
        "# Immunity\n\nPassive immunity: antibodies given from outside\n- 2 Types:\n"
        "  - Artificial passive: antibodies made by another animal\n    - Example: Anti-venom injection\n"
    )
    kb = load_knowledge_text(import_notes(text, notes_name="case.md").text, Path("case.yaml"))
    entry = next(e for e in kb.entries if e.term == "Artificial passive")
    assert list(entry.examples) == ["Anti-venom injection"]
    assert not entry.details


def test_a_definition_that_only_repeats_the_term_is_flagged() -> None:
    """``- 4dos: 4DOS`` says nothing of the term: the entry stays for look-ups but is flagged, so the
    quiz never asks it; a real definition beside it is not flagged."""
    draft = import_notes("# Shells\n\n- 4dos: 4DOS\n- Bash: the GNU shell\n", notes_name="case.md").draft
    checks = {entry.term: entry.checks.get("definition") for entry in draft.entries}
    assert checks["4dos"], checks
    assert not checks["Bash"], checks


def test_a_pipe_table_given_its_separator_row_keeps_the_line_numbers() -> None:
    """The row added to a header-less table takes the blank line before it: later lines keep their numbers."""
    notes = "# Greek\n\nw | def\nalpha | first letter\nbeta | second letter\n\n- Delta: fourth letter\n"
    draft = import_notes(notes, notes_name="case.md").draft
    lines = {entry.term: entry.line for entry in draft.entries}
    assert lines["Delta"] == 7, lines


def test_a_fact_line_is_reported_not_imported() -> None:
    """``First appearance of reptiles: Paleozoic Era`` gives a value, not a meaning: reported with why,
    never an entry a look-up could give; a term defined in words beside it, or by a mnemonic in
    capitals, is kept."""
    notes = (
        "# Earth\n\n- First appearance of reptiles: Paleozoic Era\n- Mitosis: division of a cell\n"
        "- Characteristics of Life: MRS GREN\n"
    )
    draft = import_notes(notes, notes_name="case.md").draft
    checks = {entry.term: entry.checks.get("definition") for entry in draft.entries}
    assert "First appearance of reptiles" not in checks, checks
    assert not checks["Mitosis"], checks
    assert "Characteristics of Life" in checks, checks
    assert any("First appearance of reptiles" in text and "a fact" in text for _, text in draft.unplaced)


def test_a_sentence_about_an_amount_split_at_its_verb_is_reported() -> None:
    """``Great lakes contains 20% of the fresh water`` is a fact, not what the lakes are: reported; a
    sentence split at its verb without an amount, or a term with a mark before its definition, is kept."""
    notes = (
        "# Water\n\n- Great lakes contains 20% of the fresh water\n- Aquifer is a layer of rock that holds"
        " water\n- Reservoir: a lake made by 1 dam or more\n"
    )
    draft = import_notes(notes, notes_name="case.md").draft
    checks = {entry.term: entry.checks.get("definition") for entry in draft.entries}
    assert "Great lakes" not in checks, checks
    assert any("Great lakes" in text and "amount" in text for _, text in draft.unplaced), draft.unplaced
    assert not checks["Aquifer"], checks
    assert not checks["Reservoir"], checks
