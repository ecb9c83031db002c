package org.yinling.elder;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a recorded death or move-out is taken back (e.g. 误报: 同名老人). */
record UndoLifeStatusForm(@NotBlank @Size(max = 200) String reason) {
}
