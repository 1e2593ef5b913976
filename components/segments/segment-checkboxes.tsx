"use client";

import type { ControlProps } from "@/components/ui/field";

export type SegmentCheckboxesProps = {
  segments: { id: string; name: string }[];
  /** The group's hint and errors, from <Field group>. */
  control?: ControlProps;
  /** Controlled when given; otherwise the checkboxes keep their own state and only the form reads them. */
  selected?: string[];
  onChange?: (segmentIds: string[]) => void;
};

/** One checkbox per segment, submitted as `segmentIds`: the contact, user and bulk forms all pick segments this way. */
export function SegmentCheckboxes({ segments, control, selected, onChange }: SegmentCheckboxesProps) {
  return (
    <div className="flex flex-wrap gap-x-5 gap-y-2">
      {segments.map((segment) => (
        <label key={segment.id} className="inline-flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            name="segmentIds"
            value={segment.id}
            {...(selected
              ? {
                  checked: selected.includes(segment.id),
                  onChange: (e: React.ChangeEvent<HTMLInputElement>) =>
                    onChange?.(e.target.checked ? [...selected, segment.id] : selected.filter((id) => id !== segment.id)),
                }
              : {})}
            aria-describedby={control?.["aria-describedby"]}
            aria-invalid={control?.["aria-invalid"]}
            className="size-4 rounded accent-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          />
          {segment.name}
        </label>
      ))}
    </div>
  );
}
