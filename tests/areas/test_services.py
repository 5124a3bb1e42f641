"""Loading the official areas, importing villages and the demo data."""

import io

from flask import Flask
from sqlalchemy import func, select

from webapp.areas import services
from webapp.areas.models import District, Province, Subdistrict, Village
from webapp.extensions import db
from webapp.strategies.models import Strategy
from webapp.submissions.models import Submission


def count(model: type) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_areas_load_brings_every_province_district_and_subdistrict_once(app: Flask) -> None:
    runner = app.test_cli_runner()
    first = runner.invoke(args=["areas", "load"])
    second = runner.invoke(args=["areas", "load"])

    assert first.exit_code == 0 and "added 8441, updated 0" in first.output
    assert second.exit_code == 0 and "added 0, updated 0" in second.output
    assert (count(Province), count(District), count(Subdistrict)) == (77, 928, 7436)
    mae_ka = db.session.get(Subdistrict, "560110")
    assert (mae_ka.name_th, mae_ka.district.name_th, mae_ka.district.province.name_th) == ("แม่กา", "เมืองพะเยา", "พะเยา")


def test_a_renamed_area_is_refreshed_by_the_next_load(app: Flask) -> None:
    services.load_official_areas()
    db.session.get(Province, "56").name_th = "ชื่อเก่า"
    db.session.commit()

    report = services.load_official_areas()
    assert (report.added, report.updated) == (0, 1)
    assert db.session.get(Province, "56").name_th == "พะเยา"


def test_village_import_reports_added_updated_and_rejected_rows(phayao: Province) -> None:
    db.session.add(Village(subdistrict_code="560110", moo=1, name="บ้านเก่า"))
    db.session.commit()
    csv_text = (
        "subdistrict_code,moo,name\n"
        "560110,1,บ้านแม่กาห้วยเคียน\n"   # updated
        "560110,2,บ้านสันป่าม่วง\n"       # added
        "999999,1,บ้านไม่มีจริง\n"        # unknown subdistrict
        "560110,หนึ่ง,บ้านผิด\n"          # moo is not a number
        "560110,4,\n"                     # no name
    )
    report = services.import_villages(io.StringIO(csv_text))

    assert (report.added, report.updated) == (1, 1)
    assert [line for line, _ in report.rejected] == [4, 5, 6]
    assert "999999" in report.rejected[0][1] and "หมู่ที่" in report.rejected[1][1]
    assert [v.name for v in db.session.scalars(select(Village).order_by(Village.moo))] == [
        "บ้านแม่กาห้วยเคียน", "บ้านสันป่าม่วง"]


def test_village_import_without_the_right_columns_changes_nothing(phayao: Province) -> None:
    report = services.import_villages(io.StringIO("code,number\n560110,1\n"))
    assert report.added == 0 and "subdistrict_code" in report.rejected[0][1]
    assert count(Village) == 0


def test_import_villages_command_reads_a_csv_file(app: Flask, phayao: Province, tmp_path) -> None:
    path = tmp_path / "villages.csv"
    path.write_text("\ufeffsubdistrict_code,moo,name\n560110,5,บ้านร่องห้า\n560110,x,ผิด\n", encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["areas", "import-villages", str(path)])

    assert result.exit_code == 0
    assert "added 1, updated 0, rejected 1" in result.output
    assert "line 3" in result.output


def test_demo_gives_every_phayao_subdistrict_villages_and_is_loaded_once(app: Flask) -> None:
    runner = app.test_cli_runner()
    assert runner.invoke(args=["demo"]).exit_code == 0
    villages, needs = count(Village), count(Submission)
    again = runner.invoke(args=["demo"])

    assert again.exit_code == 0 and (count(Village), count(Submission)) == (villages, needs)
    phayao_subdistricts = db.session.scalars(select(Subdistrict).where(Subdistrict.code.startswith("56"))).all()
    assert phayao_subdistricts and all(6 <= len(s.villages) <= 12 for s in phayao_subdistricts)
    assert needs == 5
    assert count(Strategy) == 6
