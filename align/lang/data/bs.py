"""Bosnian: the Serbian data (both scripts; "juni", "septembar" are Serbian forms too) with
reldi-tokeniser's Croatian abbreviations."""

from dataclasses import replace

from . import sr

PROFILE = replace(sr.PROFILE, code="bs", name="Bosnian", aliases=(), reldi="hr")
