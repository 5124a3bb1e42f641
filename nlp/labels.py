"""The label sets of the NLP contract, with their Thai names: the one source for both."""

KINDS = ("problem", "wish", "both", "other")
SECTORS = (
    "road", "water", "utilities", "environment", "safety", "agriculture",
    "economy", "welfare", "education", "governance", "other",
)
PILLAR_CODES = ("1", "2", "3", "4", "5", "6")

KIND_NAMES_TH = {"problem": "ปัญหา", "wish": "ความต้องการ", "both": "ปัญหาและความต้องการ", "other": "อื่น ๆ"}
SECTOR_NAMES_TH = {
    "road": "ถนนและการคมนาคม",
    "water": "แหล่งน้ำ",
    "utilities": "ไฟฟ้าและสาธารณูปโภค",
    "environment": "สิ่งแวดล้อม",
    "safety": "ความปลอดภัย",
    "agriculture": "การเกษตร",
    "economy": "เศรษฐกิจและอาชีพ",
    "welfare": "สุขภาพและสวัสดิการ",
    "education": "การศึกษาและวัฒนธรรม",
    "governance": "การบริหารจัดการ",
    "other": "อื่น ๆ",
}
