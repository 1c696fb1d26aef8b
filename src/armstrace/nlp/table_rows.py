"""Read the rows of a table in article text, each an event in the context read so far.

The columns' roles come from tables.py; a row of a seizures table is one closed interdiction
frame, a row of any other table one flow (with the last flow's parties where a cell is empty).
"""

from __future__ import annotations

from armstrace.model.claim import Conveyance, Quantity
from armstrace.nlp.items import drop_generic, group_items
from armstrace.nlp.production import ProductionReading
from armstrace.nlp.quantities import SUPPORT_CATEGORIES, BoundQuantity, bind_quantities
from armstrace.nlp.reading import Flow, Frame
from armstrace.nlp.seizures import SeizureReading
from armstrace.nlp.sentences import Sentence
from armstrace.nlp.tables import Cell, is_separator, quantity_unit, read_header, split_cells


class TableReading(SeizureReading, ProductionReading):
    """Claims from table rows."""

    def _table_line(self, index: int, sent: Sentence) -> None:
        """A header opens a table; each later row is one event, in the context read so far."""
        body = self.text[sent.start : sent.end]
        if is_separator(body):
            return
        cells = split_cells(self.text, sent.start, sent.end)
        if self.table is None:
            self._close_frame()
            self.table = read_header(cells)
            return
        table = self.table
        when = None
        date_cell = table.cell(cells, "date")
        if date_cell is not None:
            found = self.dates.find(date_cell.text, date_cell.start)
            when = found[0].when if found else None
        suppliers = self._cell_parties(table.cell(cells, "supplier"))
        recipients = self._cell_parties(table.cell(cells, "recipient"))
        context = self.flow or (Flow([d[0]], [d[1]], index) if (d := self._dominant()) else None)
        if context is not None:
            suppliers = suppliers or list(context.suppliers)
            recipients = recipients or list(context.recipients)
        if not suppliers and self.cargo_origin:
            suppliers = [self.cargo_origin]
        goods = table.cells(cells, "cargo")  # "| AK-103 | assault rifle |": name and type
        span = (goods[0].start, goods[-1].end) if goods else (sent.start, sent.end)
        items = self._goods_between(*span)
        numbers = self.mentions.between("numbers", *span)
        bound = bind_quantities(self.text, span, numbers, items, None)
        entries = group_items(self.text, items, self.mentions.between("calibers", *span), cargo=table.interdiction,
                              mortar_bombs_in_document=self.mortar_bombs)  # fmt: skip
        unit = quantity_unit(table)
        quantity_cell = table.cell(cells, "quantity")
        named = {
            e.category for e in entries if e.category not in ("munitions", *SUPPORT_CATEGORIES)
        }
        if quantity_cell is not None and unit:
            for number in self.mentions.between("numbers", quantity_cell.start, quantity_cell.end):
                # "| HIMARS | United States | 38 |": the number counts the row's one system
                counted = next(iter(named)) if len(named) == 1 and unit == "items" else "munitions"
                category = "troops" if unit == "persons" else counted
                unit_name = "persons" if unit == "persons" else unit
                bound.append(
                    BoundQuantity(
                        category,
                        Quantity(number.value, unit_name, number.qualifier, number.max),
                        None,
                        number.start,
                    )
                )
        entries = drop_generic(entries, {b.category for b in bound})
        source_cell = table.cell(cells, "source")
        source = source_cell.text if source_cell is not None and source_cell.text else None
        row = (sent.start, sent.end)
        if table.interdiction:
            seizer_cell = table.cell(cells, "seizer")
            seizers = self._cell_parties(seizer_cell, organs=True)
            vessel_cell = table.cell(cells, "vessel")
            conveyance = self._cell_conveyance(vessel_cell)
            frame = Frame(sent.paragraph, row, seized_by=seizers[0] if seizers else None,
                          suppliers=suppliers, recipients=recipients, conveyance=conveyance, when=when,
                          source=source, last_index=index)  # fmt: skip
            frame.entries = [(e, row) for e in entries]
            frame.quantities = [(b, row) for b in bound if b.category not in SUPPORT_CATEGORIES]
            self.frame = frame
            self._close_frame(require_anchors=False)
            row_parties = [a for a in self.mentions.between("actors", *span) if a.is_party]
            self._production(
                index,
                Sentence(span[0], span[1], sent.paragraph, False),
                row_parties,
                items,
                source,
                [],
                cargo=True,
            )
            return
        if isinstance(when, str) and unit in ("containers", "tons"):
            when = {"end": when}
        if suppliers and recipients:
            self._emit_flows("transfer", row, suppliers, recipients, entries, bound, "reported" if source else "confirmed",
                             source, when, [])  # fmt: skip

    def _cell_parties(self, cell: Cell | None, *, organs: bool = False) -> list[str]:
        """The parties a cell names (with `organs`: the states of organs and agencies too)."""
        if cell is None:
            return []
        out: list[str] = []
        for mention in self.mentions.between("actors", cell.start, cell.end):
            if mention.is_party or (organs and mention.form in ("organ", "agency")):
                actor_id = (
                    mention.country
                    if mention.form in ("organ", "agency") and mention.country
                    else mention.actor_id
                )
                if actor_id not in out:
                    out.append(actor_id)
        return out

    def _cell_conveyance(self, cell: Cell | None) -> Conveyance | None:
        """The ship or plane a cell names, a named ship first."""
        if cell is None:
            return None
        for vessel in self.mentions.between("vessels", cell.start, cell.end):
            if vessel.name:
                return Conveyance("ship", vessel.name)
        for vessel in self.mentions.between("vessels", cell.start, cell.end):
            return Conveyance(vessel.kind)
        return None
