"""Click parameter types for the archive's own values, reporting bad input in plain words."""

from datetime import date
from typing import Any

import click

from quiltarchive.errors import InvalidInput
from quiltarchive.model.appearance import Box
from quiltarchive.model.consent import Use
from quiltarchive.parsing import parse_box, parse_day, parse_use, parse_uses


class _Parsed(click.ParamType):
    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, str):
            return value
        try:
            return self.parse(value)
        except InvalidInput as error:
            self.fail(str(error), param, ctx)

    def parse(self, value: str) -> Any:
        raise NotImplementedError


class DayType(_Parsed):
    name = "YYYY-MM-DD"

    def parse(self, value: str) -> date:
        return parse_day(value)


class UseType(_Parsed):
    name = "USE"

    def parse(self, value: str) -> Use:
        return parse_use(value)


class UsesType(_Parsed):
    name = "USE[,USE]"

    def parse(self, value: str) -> frozenset[Use]:
        return parse_uses(value)


class BoxType(_Parsed):
    name = "x,y,w,h"

    def parse(self, value: str) -> Box:
        return parse_box(value)


DAY, USE, USES, BOX = DayType(), UseType(), UsesType(), BoxType()
USE_CHOICES = [use.value for use in Use]
