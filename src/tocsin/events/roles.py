"""Actor and recipient of a trigger, read from the dependency parse.

The parse gives *head tokens* for each role (subject, passive agent, object,
prepositional object...); each head is then mapped to the actor mentions of
the actors stage found in its noun phrase (compounds, possessives,
appositions, "spokesman for X" chains), with coordination giving several.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Token

from tocsin.events.first_person import first_person
from tocsin.events.mentions import MentionIndex
from tocsin.records import ActorMention

_SUBJ = frozenset({"nsubj", "csubj", "expl"})
_PASS_SUBJ = frozenset({"nsubjpass", "csubjpass"})
_OBJ = frozenset({"dobj", "dative", "obj", "attr", "oprd"})
# Prepositions whose object receives the action ("attack on X", "talks with X").
_RECIPIENT_PREPS = frozenset(
    {
        "against",
        "on",
        "at",
        "with",
        "to",
        "toward",
        "towards",
        "into",
        "upon",
        "over",
        "from",
        "of",
        "for",
        "in",
    }
)
_NOUN_RECIPIENT_PREPS = _RECIPIENT_PREPS - {"in", "for"}
_ABOUT_PREPS = frozenset({"over", "about"})
_VERB_RECIPIENT_PREPS = _RECIPIENT_PREPS - {"in", "from", "for", "of", "over"}
# Links followed inside a noun phrase to find the actor it names.
_NP_DEPS = frozenset(
    {"compound", "amod", "poss", "appos", "prep", "pobj", "nmod", "conj", "npadvmod", "nummod", "case"}
)
_NP_PREPS = frozenset({"of", "for", "from", "in", "at", "'s"})
# Verbs that pass their subject to a noun trigger in object position ("launched an attack").
_CLIMB_DEPS = frozenset({"xcomp", "conj", "advcl", "ccomp", "pcomp"})
# "X-backed N": N is supported by X, not X's own.
_BACKING = frozenset({"back", "support", "sponsor", "fund", "finance", "arm", "equip", "train", "ally"})
_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "its", "their", "his", "her", "our", "i", "you"})
_RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})


def _np_mentions(head: Token, index: MentionIndex) -> list[ActorMention]:
    """Mentions named by the noun phrase headed by ``head``, nearest first."""
    found: list[ActorMention] = []
    queue = [head]
    seen = {head.i}
    while queue and len(seen) < 40:
        node = queue.pop(0)
        mention = index.at(node)
        if mention is not None and mention not in found:
            found.append(mention)
        for child in node.children:
            if child.i in seen or child.dep_ not in _NP_DEPS:
                continue
            if child.dep_ == "prep" and child.lower_ not in _NP_PREPS:
                continue
            if child.dep_ == "conj" and node == head:
                continue  # a coordinated head is its own head (see ``expand_conj``)
            if child.dep_ == "amod" and child.tag_ == "VBN" and child.lemma_.lower() in _BACKING:
                continue  # "Rwanda-backed rebels" are not Rwanda's: the backer is another party
            seen.add(child.i)
            queue.append(child)
    return found


def is_backer(mention: ActorMention, doc: Doc) -> bool:
    """Is ``mention`` the X of "X-backed N" (a supporter, not the one acting)?"""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    head = span.root.head
    return head.dep_ == "amod" and head.tag_ == "VBN" and head.lemma_.lower() in _BACKING


def backs(mention: ActorMention, head: Token) -> bool:
    """Is ``mention`` the backer in "<mention>-backed <head>"?"""
    for child in head.children:
        if child.dep_ == "amod" and child.tag_ == "VBN" and child.lemma_.lower() in _BACKING:
            start, end = child.left_edge.idx, child.idx
            if start <= mention.start < end:
                return True
    return False


def expand_conj(heads: list[Token]) -> list[Token]:
    """``X and Y`` -> [X, Y]: each conjunct of a role head is a head too."""
    out: list[Token] = []
    for head in heads:
        out.append(head)
        stack = [c for c in head.children if c.dep_ == "conj"]
        while stack:
            conj = stack.pop(0)
            out.append(conj)
            stack.extend(c for c in conj.children if c.dep_ == "conj")
    return out


def _relative_antecedent(token: Token) -> Token | None:
    """In "the rebels, who attacked...", the subject of "attacked" is "rebels"."""
    if token.dep_ == "relcl":
        return token.head
    return None


def subject_heads(trigger: Token, *, depth: int = 0) -> tuple[list[Token], list[Token]]:
    """(actor heads, patient heads) from subjects; passives swap them."""
    actor: list[Token] = []
    patient: list[Token] = []
    for child in trigger.children:
        if child.dep_ in _SUBJ:
            actor.append(child)
        elif child.dep_ in _PASS_SUBJ:
            patient.append(child)
        elif child.dep_ == "agent":
            actor.extend(c for c in child.children if c.dep_ == "pobj")
    actor = [t for t in actor if t.lower_ not in _RELATIVE] or (
        [a] if (a := _relative_antecedent(trigger)) is not None and not patient else []
    )
    if trigger.dep_ == "acl" and trigger.tag_ == "VBN" and not patient:
        patient = [trigger.head]  # "troops sent by Russia": the noun is what is sent
    if trigger.dep_ == "acl" and trigger.tag_ != "VBN" and not actor:
        actor = [trigger.head]  # "forces attacking the town"
    if not actor and depth < 3 and trigger.dep_ in _CLIMB_DEPS and trigger.head != trigger:
        # "X agreed to meet Y": the controller of the infinitive is the actor.
        actor, _ = subject_heads(trigger.head, depth=depth + 1)
    return actor, patient


def _named(token: Token, index: MentionIndex) -> bool:
    mention = index.at(token)
    return mention is not None and mention.country is not None


def _has_subject_verb(noun: Token) -> bool:
    head = noun.head
    return noun.dep_ in _OBJ and head.pos_ in {"VERB", "AUX"} and any(c.dep_ in _SUBJ for c in head.children)


def noun_roles(
    trigger: Token, index: MentionIndex, *, between_receives: bool = False, of_is_theme: bool = False
) -> tuple[list[Token], list[Token]]:
    """Roles of a noun trigger: "Israel's attack on X", "an attack by X", "launched an attack".

    "talks between X and Y" names the actors; "mediation between X and Y"
    (``between_receives``) names the recipients.
    """
    actor: list[Token] = []
    recipient: list[Token] = []
    participants: list[Token] = []
    for child in trigger.children:
        if child.dep_ == "relcl":
            # "a summit, which X and Y are slated to attend": those who take part
            subj, patient = subject_heads(child)
            participants.extend(t for t in subj or patient if t.lower_ not in _RELATIVE)
        elif child.dep_ == "prep" and child.lower_ in {"between", "among"} and between_receives:
            recipient.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "poss" or (child.dep_ in {"compound", "amod", "nmod"} and _named(child, index)):
            actor.append(child)  # "Israel's attack", "an Israeli attack"
        elif child.dep_ == "prep" and child.lower_ in {"between", "among"} and _has_subject_verb(trigger):
            # "King Hassan would host a meeting between X and Y": the host acts, X and Y receive
            recipient.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "prep" and child.lower_ in {"by", "from", "between", "among"}:
            actor.extend(c for c in child.children if c.dep_ == "pobj")
        elif (
            child.dep_ == "prep"
            and child.lower_ in _NOUN_RECIPIENT_PREPS
            and not (
                of_is_theme and child.lower_ == "of"  # "a call-up of 5,000 reservists"
            )
        ):
            recipient.extend(c for c in child.children if c.dep_ == "pobj")
    actor = participants or actor
    # "launched ten days of war games": the measure noun stands in for the trigger.
    slot = trigger
    while slot.dep_ == "compound":  # "a call-up": the compound's head stands in
        slot = slot.head
    while slot.dep_ == "pobj" and slot.head.lower_ == "of" and slot.head.head.pos_ == "NOUN":
        slot = slot.head.head
    head = slot.head
    if head != slot and head.pos_ in {"VERB", "AUX"}:
        if slot.dep_ in _OBJ or slot.dep_ in {"nsubjpass"}:
            subj, _ = subject_heads(head)
            actor = actor or subj
            recipient = recipient or verb_objects(head, exclude=slot)
    elif slot.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in {"VERB", "AUX"}:
        # "took part in the attack", "engaged in talks"
        subj, _ = subject_heads(head.head)
        actor = actor or subj
    return actor, recipient


def verb_objects(trigger: Token, *, exclude: Token | None = None) -> list[Token]:
    """Direct and prepositional objects that receive the action."""
    heads: list[Token] = []
    for child in trigger.children:
        if child == exclude:
            continue
        if child.dep_ in _OBJ:
            heads.append(child)
        elif child.dep_ == "prep" and child.lower_ in _VERB_RECIPIENT_PREPS | _ABOUT_PREPS:
            heads.extend(c for c in child.children if c.dep_ == "pobj")
    # "complained to the UN over Israeli raids": the audience ("to") comes after the target.
    heads.sort(key=lambda t: t.head.lower_ in {"to", "with"})
    if not heads:
        # "threatened to attack X", "offered to hand over to X", "demanded that X cancel"
        for child in trigger.children:
            if child.dep_ not in {"xcomp", "ccomp"} or child == exclude:
                continue
            deps = _OBJ | ({"nsubj", "nsubjpass"} if child.dep_ == "ccomp" else set())
            heads.extend(c for c in child.children if c.dep_ in deps)
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in _VERB_RECIPIENT_PREPS | {"for"}:
                    heads.extend(c for c in prep.children if c.dep_ == "pobj")
    return heads


def subtree_mentions(trigger: Token, index: MentionIndex, skip: set[int]) -> list[ActorMention]:
    """Last resort for a recipient: mentions in the trigger's own subtree, outside ``skip``."""
    found: list[ActorMention] = []
    for token in trigger.subtree:
        if token.i in skip:
            continue
        mention = index.at(token)
        if mention is not None and mention.country and mention not in found:
            found.append(mention)
    return found


def resolve_heads(
    heads: list[Token],
    index: MentionIndex,
    trigger: Token,
    *,
    inherit: bool = True,
    avoid: frozenset[int] = frozenset(),
) -> list[ActorMention]:
    """Map role head tokens to actor mentions; pronouns and generic nouns borrow a country.

    ``inherit`` lets a generic noun ("the minister") take the country of the previous
    mention (or the next one in the sentence); recipients do not, since the previous
    mention is most often the actor itself.
    """
    out: list[ActorMention] = []
    for head in expand_conj(heads):
        found = _np_mentions(head, index)
        if not found and head.lower_ in _PRONOUNS:
            antecedent = _speaker(trigger, index) or index.antecedent(head)
            found = [antecedent] if antecedent else []
        if not found and _pair(head):
            # "Both countries accused Belarus": the two states last in subject position
            out.extend(m for m in index.recent_subjects(head, 2) if m not in out)
            continue
        if not found:
            continue
        mention = found[0]
        located = _located_in(head, mention, found[1:])
        if located is not None:
            # "ethnic Albanians in south Serbia": a people named by where they live
            mention = dataclasses.replace(mention, country=located.country)
        if mention.country is None and mention.kind == "agent":
            host = _stationed_in(head, index)
            if host is not None:
                mention = dataclasses.replace(mention, country=host.country)
        if mention.country is None:
            donor = next((m for m in found[1:] if m.country), None)
            if donor is None and inherit:
                donor = index.before(head) or index.after(head, avoid=avoid)
            if donor is not None and backs(donor, head):
                donor = None
            if donor is None:
                continue
            mention = dataclasses.replace(mention, country=donor.country)
        group = [mention]
        # "Hungarian and Romanian officials": coordinated modifiers name several actors.
        for mod in head.children:
            if mod.dep_ in {"amod", "compound"} and any(c.dep_ == "conj" for c in mod.children):
                for tok in (mod, *(c for c in mod.children if c.dep_ == "conj")):
                    extra = index.at(tok)
                    if extra is not None and extra.country and extra not in group:
                        group.append(extra)
        # heads keep their order of priority; a coordinated group reads in text order
        out.extend(m for m in sorted(group, key=lambda m: m.start) if m not in out)
    return out


_PAIR_NOUNS = frozenset(
    {"country", "government", "side", "nation", "neighbour", "neighbor", "ally", "capital"}
)


def _pair(head: Token) -> bool:
    """ "both countries", "the two governments"."""
    return head.lemma_.lower() in _PAIR_NOUNS and any(c.lower_ in {"both", "two"} for c in head.children)


def _located_in(head: Token, mention: ActorMention, others: list[ActorMention]) -> ActorMention | None:
    """A plural people noun ("Albanians", not "Albanian troops") with "in/of <state>"."""
    if mention.kind != "demonym" or not head.text[:1].isupper() or head.tag_ != "NNPS":
        return None
    if not mention.text.endswith(head.text):
        return None
    places = [c for c in head.children if c.dep_ == "prep" and c.lower_ in {"in", "of"}]
    spans = [range(p.idx, p.right_edge.idx + len(p.right_edge)) for p in places]
    return next((m for m in others if m.kind == "name" and any(m.start in sp for sp in spans)), None)


_STATIONED = frozenset({"station", "base", "deploy", "garrison", "locate", "position", "serve", "quarter"})
_IN = frozenset({"in", "inside", "within"})


def _stationed_in(head: Token, index: MentionIndex) -> ActorMention | None:
    """The host state of an unnamed force: "crews (who belong to a flotilla) based in
    Cambodia", "troops in Poland".

    A force described only by where it serves is, without any other clue, the host
    state's; the usual alternative, borrowing the previous mention's country, mostly
    names the actor itself. Only "in <state>" on the noun or on a stationing participle
    inside its phrase counts, so "troops sent to Belarus" (a destination) does not.
    """
    for token in head.subtree:
        if token.dep_ != "prep" or token.lower_ not in _IN:
            continue
        holder = token.head
        if holder != head and holder.lemma_.lower() not in _STATIONED:
            continue
        for obj in token.children:
            mention = index.at(obj)
            if obj.dep_ == "pobj" and mention is not None and mention.kind == "name" and mention.country:
                return mention
    return None


def _speaker(trigger: Token, index: MentionIndex) -> ActorMention | None:
    """In "X said it would...", "it" is most often X: the subject of the reporting verb."""
    node = trigger
    for _ in range(4):
        if node.dep_ == "ccomp" and node.head != node:
            subj = [c for c in node.head.children if c.dep_ in _SUBJ]
            for head in subj:
                found = _np_mentions(head, index)
                if found:
                    return found[0]
            return None
        if node.head == node:
            return None
        node = node.head
    return None


def _own(token: Token) -> bool:
    return token.dep_ == "poss" and token.lower_ in {"its", "their", "his", "her", "our"}


def clause_of(trigger: Token) -> Token:
    """A noun trigger's clause is its verb's ("announced a call-up ... along its border with X")."""
    node = trigger
    for _ in range(4):
        if node.pos_ in {"VERB", "AUX"} or node.head == node:
            return node
        if node.dep_ not in {"compound", "dobj", "pobj", "prep", "nsubjpass", "attr"}:
            return node
        node = node.head
    return node


def roles_of(
    trigger: Token,
    index: MentionIndex,
    *,
    swap: bool,
    between_receives: bool = False,
    of_is_theme: bool = False,
) -> tuple[list[ActorMention], list[ActorMention]]:
    """(actor, recipient) mentions for a trigger; ``swap`` for "X received Y"-type frames;
    ``of_is_theme`` when "N of X" names what moves, not who receives ("deployment of troops")."""
    if trigger.pos_ in {"NOUN", "PROPN"}:
        actor_heads, recipient_heads = noun_roles(
            trigger, index, between_receives=between_receives, of_is_theme=of_is_theme
        )
    else:
        actor_heads, patient = subject_heads(trigger)
        recipient_heads = patient + verb_objects(trigger)
        if trigger.pos_ == "ADJ" and not actor_heads and trigger.head.pos_ == "AUX":
            actor_heads, _ = subject_heads(trigger.head)
            recipient_heads = recipient_heads or verb_objects(trigger.head)
    # A generic actor ("President Bush ... against Russia") must not borrow the country of
    # the state it targets; a demonym in the object ("banned Ugandan candidates") may lend it.
    targets = (index.at(h) for h in expand_conj(recipient_heads))
    avoid = frozenset(m.start for m in targets if m is not None and m.kind in {"name", "capital", "igo"})
    actor = resolve_heads(actor_heads, index, trigger, avoid=avoid)
    # Named recipients first; a generic one ("President Mugabe") may then borrow a country.
    recipient = [m for m in resolve_heads(recipient_heads, index, trigger, inherit=False) if m not in actor]
    same: list[ActorMention] = []
    if not recipient:
        # ... but never "its air defenses", the actor's own; and a borrowed country equal
        # to the actor's ("military aid" -> its giver) only when nothing else is named.
        foreign = [h for h in recipient_heads if not any(_own(c) for c in h.children)]
        borrowed = [m for m in resolve_heads(foreign, index, trigger) if m not in actor]
        countries = {a.country for a in actor}
        recipient = [m for m in borrowed if m.country not in countries]
        same = [m for m in borrowed if m.country in countries]
    if not recipient and actor:
        skip = {t.i for h in actor_heads for t in h.subtree}
        skip |= {t.i for h in recipient_heads for t in h.subtree if any(_own(c) for c in h.children)}
        found = [m for m in subtree_mentions(clause_of(trigger), index, skip) if m not in actor]
        countries = {a.country for a in actor}
        recipient = sorted(found, key=lambda m: m.country in countries)[:1]  # foreign first
        if same and (not recipient or recipient[0].country in countries):
            recipient = same[:1]
    for head in actor_heads:
        # "our ministries", quoted: the speaker's state, and the partner it speaks for too
        we = first_person(head, trigger, index, index.at(head))
        if we is not None:
            actor = [we[0]]
            recipient = recipient if recipient and recipient[0].country != we[0].country else we[1]
            break
    if swap:
        actor, recipient = recipient or actor, actor if recipient else []
    return actor, recipient
