//! The change areas each template starts with, as data.
//!
//! Element grouping (our reading of Permenpan RB 3/2023, which asks instances to work on
//! both the *hard* side — structures, rules and processes — and the *soft* side — people,
//! mindset and culture — of reform):
//! - Soft: Manajemen Perubahan (mindset and culture set) and Penataan SDM Aparatur
//!   (people: competence, merit, performance culture).
//! - Hard: Deregulasi Kebijakan, Penataan Organisasi, Penataan Tata Laksana, Penguatan
//!   Akuntabilitas, Penguatan Pengawasan and Peningkatan Kualitas Pelayanan Publik: each
//!   changes a regulation, a structure, a procedure or a system, and is evaluated by
//!   its documents and systems.
//! - RB Tematik areas are Hard: the regulation frames them as removing bottlenecks in
//!   governance (business processes, data, regulation, program targeting, SPBE), which
//!   is structural work. A user who sees them otherwise changes the element per area.
//!
//! The same grouping is used for the Permenpan RB 25/2020 template, which names the
//! eight areas but predates the Hard/Soft wording, so that a roadmap started from one
//! template reads the same as one started from the other.

use crate::model::Element;

/// One change area a template starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AreaSpec {
    pub id: &'static str,
    pub name: &'static str,
    pub element: Element,
    pub goal: &'static str,
}

const fn area(
    id: &'static str,
    name: &'static str,
    element: Element,
    goal: &'static str,
) -> AreaSpec {
    AreaSpec {
        id,
        name,
        element,
        goal,
    }
}

/// The eight change areas of Permenpan RB 25/2020, which Permenpan RB 3/2023 keeps as
/// RB General.
pub const RB_GENERAL: [AreaSpec; 8] = [
    area(
        "mp",
        "Manajemen Perubahan",
        Element::Soft,
        "Pola pikir dan budaya kerja aparatur yang berintegritas, berkinerja tinggi dan BerAKHLAK",
    ),
    area(
        "dk",
        "Deregulasi Kebijakan",
        Element::Hard,
        "Regulasi yang tertib, sederhana, harmonis dan mendukung kemudahan berusaha",
    ),
    area(
        "po",
        "Penataan Organisasi",
        Element::Hard,
        "Organisasi yang tepat fungsi, tepat ukuran, efektif dan efisien",
    ),
    area(
        "tl",
        "Penataan Tata Laksana",
        Element::Hard,
        "Tata laksana yang jelas, efektif, efisien, terukur dan berbasis elektronik",
    ),
    area(
        "sdm",
        "Penataan SDM Aparatur",
        Element::Soft,
        "SDM aparatur yang berintegritas, netral, kompeten, profesional dan berkinerja tinggi berdasarkan sistem merit",
    ),
    area(
        "ak",
        "Penguatan Akuntabilitas",
        Element::Hard,
        "Kinerja dan keuangan instansi pemerintah yang akuntabel dan berorientasi hasil",
    ),
    area(
        "pw",
        "Penguatan Pengawasan",
        Element::Hard,
        "Penyelenggaraan pemerintahan yang bersih dan bebas korupsi, kolusi dan nepotisme",
    ),
    area(
        "pp",
        "Peningkatan Kualitas Pelayanan Publik",
        Element::Hard,
        "Pelayanan publik yang prima sesuai kebutuhan dan harapan masyarakat",
    ),
];

/// The four themes of RB Tematik in Permenpan RB 3/2023.
pub const RB_TEMATIK: [AreaSpec; 4] = [
    area(
        "kemiskinan",
        "Pengentasan Kemiskinan",
        Element::Hard,
        "Tata kelola penanggulangan kemiskinan yang tepat sasaran berbasis data terpadu",
    ),
    area(
        "investasi",
        "Peningkatan Investasi",
        Element::Hard,
        "Perizinan berusaha yang cepat, mudah dan berkepastian hukum untuk meningkatkan realisasi investasi",
    ),
    area(
        "digitalisasi",
        "Digitalisasi Administrasi Pemerintahan",
        Element::Hard,
        "Administrasi pemerintahan digital yang terintegrasi dan interoperabel",
    ),
    area(
        "prioritas",
        "Percepatan Prioritas Aktual Presiden",
        Element::Hard,
        "Penggunaan produk dalam negeri meningkat dan inflasi daerah terkendali",
    ),
];
