/** The system's mark: a round seal with 征, drawn inline so it needs no image request. */
export function BrandMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 40 40" aria-hidden="true" focusable="false">
      <circle cx="20" cy="20" r="19" fill="#c62828" />
      <circle cx="20" cy="20" r="15.5" fill="none" stroke="#ffd666" strokeWidth="1.2" />
      <text x="20" y="26.5" textAnchor="middle" fontSize="17" fontWeight="700" fill="#fff" fontFamily="'Noto Serif CJK SC','Noto Sans CJK SC',serif">
        征
      </text>
    </svg>
  );
}
